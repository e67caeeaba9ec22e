// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/SafetyPolicy.h"

#include "sql/WriteGuard.h"

#include <QCoreApplication>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::SafetyPolicy)
};

} // namespace

SafetyDecision SafetyPolicy::decide(const QueryCommand &command, const Endpoint &destination,
                                    const QString &practice) const
{
    SafetyDecision decision;
    decision.environment = safetyEnvironment(destination);
    decision.practice = practice;
    if (!WriteGuard::mayWrite(command))
        return decision;
    decision.writeReason = WriteGuard::writeReason(command);
    const QString name = environmentDisplayName(decision.environment);
    if (ReadOnlySettings().isReadOnly(decision.environment)) {
        decision.verdict = SafetyDecision::Verdict::Blocked;
        const QString lift = m_remedies.liftReadOnly.isEmpty()
                                 ? Text::tr("Turn off “Read-only for %1” to send it.").arg(name)
                                 : m_remedies.liftReadOnly;
        decision.text = Text::tr("%1 is read-only, and this query may change data (%2). %3")
                            .arg(name, decision.writeReason, lift);
        return decision;
    }
    if (isProduction(destination)) {
        decision.verdict = SafetyDecision::Verdict::NeedsConfirmation;
        decision.text = WriteGuard::confirmationText(command, practice, decision.environment);
    }
    return decision;
}

QString SafetyPolicy::refusal(const SafetyDecision &decision, const SafetyApproval &approval) const
{
    switch (decision.verdict) {
    case SafetyDecision::Verdict::Allowed:
        return {};
    case SafetyDecision::Verdict::Blocked:
        return decision.text;
    case SafetyDecision::Verdict::NeedsConfirmation:
        if (approval.productionConfirmed)
            return {};
        return Text::tr("%1 needs confirmation before this query reaches the practice “%2”: it may "
                        "change data (%3). %4")
            .arg(environmentDisplayName(decision.environment), decision.practice,
                 decision.writeReason,
                 m_remedies.confirm.isEmpty() ? Text::tr("Confirm sending it when asked.")
                                              : m_remedies.confirm);
    }
    return {};
}

bool SafetyPolicy::isReadOnly(const Endpoint &destination)
{
    return ReadOnlySettings().isReadOnly(safetyEnvironment(destination));
}

void SafetyPolicy::setReadOnly(const Endpoint &destination, bool readOnly)
{
    ReadOnlySettings().setReadOnly(safetyEnvironment(destination), readOnly);
}

} // namespace Halo
