// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "net/Environment.h"
#include "sql/QueryTypes.h"

namespace Halo {

// What the person sending has agreed to. A face sets productionConfirmed only after asking
// (the window's question box) or being told (halo-cli's --confirm-production).
struct SafetyApproval {
    bool productionConfirmed = false;
};

// The policy's answer for one command to one destination.
struct SafetyDecision {
    enum class Verdict {
        Allowed,           // send it
        NeedsConfirmation, // a possible write to Production: send only when confirmed
        Blocked,           // the destination's environment is read-only: never send
    };
    Verdict verdict = Verdict::Allowed;
    Environment environment = Environment::Sandbox; // whose rules applied (safetyEnvironment)
    QString practice;                               // as the face named it
    QString writeReason; // why the command may write; empty when it cannot
    // NeedsConfirmation: the question, naming the practice, the environment and the reason.
    // Blocked: what was blocked and how to lift the switch.
    QString text;

    bool permits(const SafetyApproval &approval) const
    {
        return verdict == Verdict::Allowed ||
               (verdict == Verdict::NeedsConfirmation && approval.productionConfirmed);
    }
};

// The one place that decides whether SQL may go to a destination, for the window and
// halo-cli alike: WriteGuard says whether it may write, ReadOnlySettings (the window's
// settings, shared with halo-cli) whether the environment takes writes at all, and Production
// is whatever isProduction(endpoint) says, a custom base URL on its host included.
class SafetyPolicy
{
public:
    // How the face's user allows what was refused, appended to refusals. Empty: the window's
    // words; halo-cli names its option and command.
    struct Remedies {
        QString confirm;      // e.g. "Add --confirm-production to send it."
        QString liftReadOnly; // e.g. "Lift it with 'halo-cli … read-only off', then …"
    };

    void setRemedies(const Remedies &remedies) { m_remedies = remedies; }

    // `practice` names the practice for the question (its name, or the GUID when unknown).
    SafetyDecision decide(const QueryCommand &command, const Endpoint &destination,
                          const QString &practice) const;
    // One plain line for a decision the approval does not cover; empty when it does.
    QString refusal(const SafetyDecision &decision, const SafetyApproval &approval) const;

    // The read-only switch that applies to a destination (Production's for a Production host).
    static bool isReadOnly(const Endpoint &destination);
    static void setReadOnly(const Endpoint &destination, bool readOnly);

private:
    Remedies m_remedies;
};

} // namespace Halo
