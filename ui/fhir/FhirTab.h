// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

#include "fhir/FhirCapabilities.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirNavigation.h"
#include "fhir/FhirRequest.h"
#include "fhir/FhirResponse.h"
#include "sites/SiteRecord.h"
#include "snippets/CodeSnippet.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;
class CallProgress;
class FhirAnswerParser;
class FhirCapabilitiesBar;
class FhirNavigator;
class FhirQueryBar;
class FhirQueryForm;
class FhirResourceView;
class FhirResultsPanel;
class ProblemLabel;
struct FhirParsedAnswer;

namespace Halo {
class FhirCapabilityCache;
class HaloApiClient;
class QueryHistory;
} // namespace Halo

// The FHIR tab: a browser for one site's FHIR R4 facade. What can be asked comes from the
// site's CapabilityStatement; the query line and the form are two views of one FhirRequest;
// answers are parsed off the GUI thread and shown as issues, a table of entries and a JSON
// view; references and Bundle links are followed with Back and Forward, as in a web browser.
// Answers stay in memory only; the history keeps the query line, never the result.
// The tab composes its parts: FhirCapabilitiesBar (what the site offers), FhirQueryBar (the
// line, Back and Forward), FhirQueryForm, FhirNavigator (requests and where the user has been),
// FhirAnswerParser (answers read off the GUI thread) and the results and resource views.
class FhirTab : public QWidget
{
    Q_OBJECT
public:
    // Asked for a file name before saving; returns an empty string to cancel.
    using SavePathChooser = std::function<QString(const QString &suggestedName)>;

    FhirTab(Halo::HaloApiClient *client, Halo::FhirCapabilityCache *capabilities,
            Halo::QueryHistory *history, QWidget *parent = nullptr);
    ~FhirTab() override;

    void setSite(const Halo::SiteRecord &record);
    void setSavePathChooser(SavePathChooser chooser) { m_choosePath = std::move(chooser); }

    bool offersFhir() const;                 // the site's PMS has a FHIR API
    bool isBusy() const;                     // a request (not the CapabilityStatement) is running
    void setQueryLine(const QString &line);  // as if typed
    void search();                           // sends what the query line says
    void openPatient(const QString &fhirId); // reads Patient/{id}, as if typed and searched
    void copyAs(Halo::SnippetLanguage language); // the request Search would send, as code
    // The request the query line holds, or null (after saying what is wrong with the line).
    const Halo::FhirRequest *requestOnLine();
    void refreshCapabilities();
    void goBack();
    void goForward();
    // How much of the answers visited is kept for Back and Forward (default 64 MB).
    void setAnswerMemoryLimit(qint64 bytes);
    bool saveResponse(); // asks for a path; false if cancelled or failed (said in place)
    bool saveResource();
    // Privacy mode: patient data hidden in the table and the JSON views; saving asks first.
    void setPrivacy(bool on);

    FhirQueryForm *form() const { return m_form; }
    QLineEdit *queryLine() const;
    QCheckBox *postBox() const;
    QPushButton *searchButton() const;
    QToolButton *backButton() const;
    QToolButton *forwardButton() const;
    FhirResultsPanel *results() const { return m_results; }
    FhirResourceView *resourceView() const { return m_resource; }
    ProblemLabel *queryProblem() const;
    ProblemLabel *requestProblem() const { return m_requestProblem; }
    QLabel *capabilitiesLabel() const;
    const std::optional<Halo::FhirCapabilities> &capabilities() const;

signals:
    void busyChanged(bool busy);
    void answerShown(); // an answer (new, or by Back/Forward) is on screen
    // "Show in SQL" on a Patient of a site whose SQL rows link to FHIR Patients.
    void showInSqlRequested(const QString &patientId);

private:
    void readRequested();
    void operationRequested();
    void followReference(const QString &reference);
    void revisit(const Halo::FhirNavigation::Visit *visit); // Back and Forward land here
    void showParsed(const FhirParsedAnswer &answer, int page);
    void showWholeResponse();
    void capabilitiesChanged();
    void updateNavigation();
    bool saveJson(const QByteArray &json, const QString &suggestedName);
    // In privacy mode, whether the user lets a save write what `question` says it reveals.
    bool saveMayReveal(const QString &question);

    Halo::HaloApiClient *m_client;
    Halo::SiteRecord m_site;
    std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> m_wholeTree; // of the answer shown
    SavePathChooser m_choosePath;
    bool m_privacy = false;

    QStackedWidget *m_pages;
    QLabel *m_unavailable;
    FhirCapabilitiesBar *m_capabilitiesBar;
    FhirQueryBar *m_queryBar;
    FhirQueryForm *m_form;
    CallProgress *m_progress;
    ProblemLabel *m_requestProblem;
    FhirResultsPanel *m_results;
    FhirResourceView *m_resource;
    FhirNavigator *m_navigator;
    FhirAnswerParser *m_parser;
};
