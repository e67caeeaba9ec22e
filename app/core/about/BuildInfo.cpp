// SPDX-License-Identifier: GPL-3.0-or-later
#include "BuildInfo.h"

#include <QLocale>
#include <QSysInfo>
#include <QTextStream>

namespace Halo {

BuildInfo BuildInfo::current()
{
    BuildInfo info;
    info.add(QStringLiteral("Halo Explorer"), QStringLiteral(HALO_VERSION));
    const QString qtRuntime = QString::fromLatin1(qVersion());
    const QString qtBuild = QStringLiteral(QT_VERSION_STR);
    // Built with one Qt and run on another is worth seeing in a report.
    info.add(QStringLiteral("Qt"),
             qtRuntime == qtBuild ? qtRuntime : tr("%1 (built with %2)").arg(qtRuntime, qtBuild));
    info.add(QStringLiteral("QtKeychain"), QStringLiteral(HALO_QTKEYCHAIN_VERSION));
    info.m_operatingSystem =
        QStringLiteral("%1 (%2, %3 %4)")
            .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                 QSysInfo::kernelType(), QSysInfo::kernelVersion());
    return info;
}

void BuildInfo::add(const QString &name, const QString &version)
{
    m_components.append({name, version});
}

QString BuildInfo::applicationVersion() const
{
    return m_components.isEmpty() ? QString() : m_components.first().version;
}

QString BuildInfo::problemReport(const Endpoint &endpoint,
                                 const QList<ComponentVersion> &state) const
{
    QString text;
    QTextStream out(&text);
    for (const ComponentVersion &component : m_components)
        out << component.name << ": " << component.version << '\n';
    out << tr("Operating system") << ": " << m_operatingSystem << '\n';
    out << tr("Locale") << ": " << QLocale().name() << '\n';
    out << tr("Environment") << ": " << endpointDisplayName(endpoint) << '\n';
    // Only what identifies the destination: a base URL may carry credentials or a query.
    const QUrl safeUrl =
        endpoint.baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    out << tr("Base URL") << ": "
        << (safeUrl.isEmpty() ? tr("(set when the sandbox starts)") : safeUrl.toString()) << '\n';
    for (const ComponentVersion &line : state)
        out << line.name << ": " << line.version << '\n';
    return text;
}

} // namespace Halo
