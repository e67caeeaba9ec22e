#include "Console.h"

namespace Cli {

int Console::fail(int exitCode, const QString &message)
{
    // One line whatever the message holds, so scripts can log it as one.
    m_err << "halo-cli: " << message.simplified() << Qt::endl;
    return exitCode;
}

void Console::note(const QString &message)
{
    m_err << message << Qt::endl;
}

} // namespace Cli
