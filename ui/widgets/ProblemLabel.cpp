// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ProblemLabel.h"

#include "net/ApiError.h"

namespace {

QString paragraph(const QString &text)
{
    return QStringLiteral("<p style=\"margin:0\">%1</p>").arg(text.toHtmlEscaped());
}

} // namespace

ProblemLabel::ProblemLabel(const QString &accessibleName, QWidget *parent)
    : QLabel(parent)
{
    setAccessibleName(accessibleName);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::NoFocus);
    setFrameShape(QFrame::StyledPanel);
    setMargin(6);
    hide();
}

void ProblemLabel::showError(const Halo::ApiError &error)
{
    const bool httpFailed = error.httpStatus >= 300;
    const QString title =
        httpFailed ? tr("HTTP %1 — %2").arg(error.httpStatus).arg(error.title()) : error.title();
    QString explanation = error.explanation();
    if (!error.serverMessage.isEmpty())
        explanation += QLatin1Char(' ') + tr("Halo Cloud says: “%1”").arg(error.serverMessage);
    showProblem(title, explanation, error.nextStep());
}

void ProblemLabel::showProblem(const QString &title, const QString &explanation,
                               const QString &nextStep)
{
    QString html = QStringLiteral("<p style=\"margin:0\"><b>%1</b></p>").arg(title.toHtmlEscaped());
    if (!explanation.isEmpty())
        html += paragraph(explanation);
    if (!nextStep.isEmpty())
        html += paragraph(tr("Next: %1").arg(nextStep));
    setText(html);
    // Screen readers announce the description; the rich text alone would read as markup.
    QStringList spoken{title, explanation, nextStep};
    spoken.removeAll(QString());
    setAccessibleDescription(spoken.join(QLatin1Char(' ')));
    show();
}

void ProblemLabel::showNote(const QString &text)
{
    setText(paragraph(text));
    setAccessibleDescription(text);
    show();
}

void ProblemLabel::clearProblem()
{
    clear();
    setAccessibleDescription(QString());
    hide();
}
