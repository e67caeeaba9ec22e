// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "snippets/CodeSnippet.h"

#include <QWidget>

#include <optional>

#include "fhir/FhirCapabilities.h"
#include "fhir/FhirRequest.h"
#include "sites/SiteRecord.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class CopyAsButton;
class QToolButton;
class ProblemLabel;
class ProductionMarker;

namespace Halo {
class FhirNavigation;
class HaloApiClient;
class QueryHistory;
} // namespace Halo

// The FHIR query line and what goes with it: Back and Forward, the line itself (read as it
// changes, with what is wrong or doubtful about it said in place), the queries sent to the site
// before, GET or POST with the method in words, Search and the Production marker. The FHIR tab
// keeps it in step with the form and does what it asks for.
class FhirQueryBar : public QWidget
{
    Q_OBJECT
public:
    FhirQueryBar(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                 QWidget *parent = nullptr);

    // The destination decides the Production marker and, when it changes, whether POST is on;
    // the site's history fills the Recent menu.
    void setSite(const Halo::SiteRecord &site);
    // The line's warnings depend on what the site offers: it is looked at again.
    void setCapabilities(const Halo::FhirCapabilities &capabilities);
    // Another site: nothing is known of what it offers, and nothing is said about the line.
    void forgetCapabilities();

    void setQueryLine(const QString &line); // as if typed
    void setLineText(const QString &text);  // the form's reading: the form is not told again
    QString text() const;
    const Halo::FhirLineParse &parsed() const { return m_parsed; } // the line as read now
    bool postChosen() const;
    void focusLine();          // and selects it, to type over
    void showUnreadablePart(); // the cursor goes where the line stops making sense
    void showNavigation(const Halo::FhirNavigation &navigation);

    QLineEdit *line() const { return m_line; }
    QCheckBox *postBox() const { return m_post; }
    QPushButton *searchButton() const { return m_search; }
    QToolButton *backButton() const { return m_back; }
    QToolButton *forwardButton() const { return m_forward; }
    ProblemLabel *problem() const { return m_problem; }

signals:
    void requestTyped(const Halo::FhirRequest &request);  // the line was edited and reads well
    void searchRequested();                               // Enter in the line, or Search
    void copyAsRequested(Halo::SnippetLanguage language); // the line as code (Copy as)
    void backRequested();
    void forwardRequested();

private:
    void lineEdited();
    void showLineProblems();
    void updateMethodHint();
    void fillRecentMenu();

    Halo::HaloApiClient *m_client;
    Halo::QueryHistory *m_history;
    Halo::SiteRecord m_site;
    QString m_postDefaultEnvironment; // POST is reset to the default when this changes
    std::optional<Halo::FhirCapabilities> m_capabilities;
    Halo::FhirLineParse m_parsed; // the line as read, kept current by setLineText()

    QToolButton *m_back;
    QToolButton *m_forward;
    QLineEdit *m_line;
    QToolButton *m_recent;
    QCheckBox *m_post;
    QLabel *m_methodHint;
    QPushButton *m_search;
    CopyAsButton *m_copyAs;
    ProductionMarker *m_production;
    ProblemLabel *m_problem;
};
