// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parts of FhirFacade that have a file of their own. Internal to the sandbox.
#include <QJsonObject>
#include <QString>

namespace Sandbox {
struct SampleSite;
}

namespace Sandbox::Fhir {

// GET {base}/metadata: what the facade supports, built from resourceSpecs().
QJsonObject capabilityStatement(const SampleSite &site, const QString &base);

} // namespace Sandbox::Fhir
