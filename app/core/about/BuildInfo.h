// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Environment.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Halo {

// One part of the program and its version, as the About box and a problem report list it.
struct ComponentVersion {
    QString name;
    QString version;
};

// What this build is made of and where it runs: the application, the Qt it was built with and
// runs on, QtKeychain, and the operating system. The faces add their own parts (QScintilla,
// the display platform) with add().
class BuildInfo
{
    Q_DECLARE_TR_FUNCTIONS(Halo::BuildInfo)
public:
    static BuildInfo current();

    void add(const QString &name, const QString &version);
    const QList<ComponentVersion> &components() const { return m_components; }
    QString applicationVersion() const;
    QString operatingSystem() const { return m_operatingSystem; }

    // The text "Report a problem" copies: versions, operating system, locale and the endpoint
    // in use (environment and base URL without user name, password, query or fragment). It
    // holds nothing of the subscription key: nothing here ever sees one.
    QString problemReport(const Endpoint &endpoint, const QList<ComponentVersion> &state) const;

private:
    QList<ComponentVersion> m_components;
    QString m_operatingSystem;
};

} // namespace Halo
