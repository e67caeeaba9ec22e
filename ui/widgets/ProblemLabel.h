// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace Halo {
struct ApiError;
}

// Says what went wrong, in place, next to what the user did: an ApiError's title, what it means
// and what to do next, or a plain message. Hidden when there is nothing to say.
class ProblemLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ProblemLabel(const QString &accessibleName, QWidget *parent = nullptr);

    void showError(const Halo::ApiError &error);
    void showProblem(const QString &title, const QString &explanation,
                     const QString &nextStep = QString());
    void showNote(const QString &text); // not an error: information the user should read
    void clearProblem();
};
