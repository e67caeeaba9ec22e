#include "services/SafetyPolicy.h"

#include "sql/WriteGuard.h"

#include <QCoreApplication>

namespace Halo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Halo::SafetyPolicy", text);
}

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
                                 ? tr("Turn off “Read-only for %1” to send it.").arg(name)
                                 : m_remedies.liftReadOnly;
        decision.text = tr("%1 is read-only, and this query may change data (%2). %3")
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
        return tr("%1 needs confirmation before this query reaches the practice “%2”: it may "
                  "change data (%3). %4")
            .arg(environmentDisplayName(decision.environment), decision.practice,
                 decision.writeReason,
                 m_remedies.confirm.isEmpty() ? tr("Confirm sending it when asked.")
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
