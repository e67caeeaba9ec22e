#pragma once

#include <QString>
#include <QTextStream>

class QIODevice;

namespace Cli {

// Where a command reads and writes: results on `out`, progress and errors on `err`, input
// (a key, SQL) from `in`. main() passes the process's streams; tests may pass buffers.
class Console
{
public:
    Console(QTextStream &out, QTextStream &err, QIODevice &in)
        : m_out(out)
        , m_err(err)
        , m_in(in)
    {}

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QIODevice &in() { return m_in; }
    // A person may be typing at `in`: worth a prompt.
    bool inputIsTerminal() const { return m_inputIsTerminal; }
    void setInputIsTerminal(bool terminal) { m_inputIsTerminal = terminal; }

    // A line on standard error that says what went wrong; returns `exitCode` for the caller.
    int fail(int exitCode, const QString &message);
    // A line of progress or advice on standard error.
    void note(const QString &message);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QIODevice &m_in;
    bool m_inputIsTerminal = false;
};

} // namespace Cli
