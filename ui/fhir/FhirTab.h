#pragma once

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

#include "fhir/FhirCapabilities.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirNavigation.h"
#include "fhir/FhirRequest.h"
#include "fhir/FhirResponse.h"
#include "sites/SiteRecord.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;
class CallProgress;
class FhirQueryForm;
class FhirResourceView;
class FhirResultsPanel;
class ProblemLabel;
class ProductionMarker;

namespace Halo {
class ApiCall;
class FhirCall;
class FhirCapabilityCache;
class HaloApiClient;
class QueryHistory;
} // namespace Halo

// The FHIR tab: a browser for one site's FHIR R4 facade. What can be asked comes from the
// site's CapabilityStatement; the query line and the form are two views of one FhirRequest;
// answers are parsed off the GUI thread and shown as issues, a table of entries and a JSON
// view; references and Bundle links are followed with Back and Forward, as in a web browser.
// Answers stay in memory only; the history keeps the query line, never the result.
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

    bool offersFhir() const;                // the site's PMS has a FHIR API
    bool isBusy() const;                    // a request (not the CapabilityStatement) is running
    void setQueryLine(const QString &line); // as if typed
    void search();                          // sends what the query line says
    void refreshCapabilities();
    void goBack();
    void goForward();
    // How much of the answers visited is kept for Back and Forward (default 64 MB).
    void setAnswerMemoryLimit(qint64 bytes) { m_navigation.setMaxBodyBytes(bytes); }
    bool saveResponse(); // asks for a path; false if cancelled or failed (said in place)
    bool saveResource();

    FhirQueryForm *form() const { return m_form; }
    QLineEdit *queryLine() const { return m_line; }
    QCheckBox *postBox() const { return m_post; }
    QPushButton *searchButton() const { return m_search; }
    QToolButton *backButton() const { return m_back; }
    QToolButton *forwardButton() const { return m_forward; }
    FhirResultsPanel *results() const { return m_results; }
    FhirResourceView *resourceView() const { return m_resource; }
    ProblemLabel *queryProblem() const { return m_lineProblem; }
    ProblemLabel *requestProblem() const { return m_requestProblem; }
    QLabel *capabilitiesLabel() const { return m_capabilityLabel; }
    const std::optional<Halo::FhirCapabilities> &capabilities() const { return m_capabilities; }

signals:
    void busyChanged(bool busy);
    void answerShown(); // an answer (new, or by Back/Forward) is on screen

private:
    // What the worker makes of an answer: it parsed, and its whole tree built (a large Bundle
    // would otherwise stall the GUI when the user asks for the whole response).
    struct ParsedAnswer {
        Halo::FhirResponse response;
        std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> wholeTree;
    };
    struct Pending {
        Halo::FhirNavigation::Visit visit;
        bool recordInHistory = false;
        bool replacesCurrent = false; // a dropped answer asked for again (Back, Forward)
    };

    void lineEdited();
    void formEdited();
    void setLineText(const QString &text);
    void showLineProblems();
    void send(const Halo::FhirRequest &request);
    void followLink(const QString &url, int page);
    void followReference(const QString &reference);
    void start(Halo::FhirCall *call, const Pending &pending, const QString &activity);
    void finished(Halo::FhirCall *call, Pending pending);
    // Shows an answer: `parsed` as the call read it, else parsed from the visit's body.
    void display(const Halo::FhirNavigation::Visit &visit,
                 const std::optional<Halo::FhirResponse> &parsed = std::nullopt);
    void revisit(const Halo::FhirNavigation::Visit *visit); // Back and Forward land here
    void showParsed(const ParsedAnswer &answer, int page);
    void showWholeResponse();
    void applyCapabilities(const Halo::FhirCapabilities &capabilities, const QDateTime &fetchedAt);
    void updateMethodHint();
    void updateNavigation();
    void fillRecentMenu();
    bool saveJson(const QByteArray &json, const QString &suggestedName);
    QString siteKey() const;

    Halo::HaloApiClient *m_client;
    Halo::FhirCapabilityCache *m_capabilityCache;
    Halo::QueryHistory *m_history;
    Halo::SiteRecord m_site;
    QString m_postDefaultEnvironment; // POST is reset to the default when this changes
    std::optional<Halo::FhirCapabilities> m_capabilities;
    Halo::FhirLineParse m_parsed; // the query line as read, kept current by setLineText()
    Halo::FhirNavigation m_navigation;
    QPointer<Halo::ApiCall> m_call;
    QPointer<Halo::ApiCall> m_capabilityCall;
    QFutureWatcher<ParsedAnswer> m_parser;
    std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> m_wholeTree; // of the answer shown
    int m_parseGeneration = 0;
    int m_displayedPage = 1;
    SavePathChooser m_choosePath;

    QStackedWidget *m_pages;
    QLabel *m_unavailable;
    QLabel *m_capabilityLabel;
    QPushButton *m_refreshCapabilities;
    ProblemLabel *m_capabilityProblem;
    QToolButton *m_back;
    QToolButton *m_forward;
    QLineEdit *m_line;
    QToolButton *m_recent;
    QCheckBox *m_post;
    QLabel *m_methodHint;
    QPushButton *m_search;
    ProductionMarker *m_production;
    ProblemLabel *m_lineProblem;
    FhirQueryForm *m_form;
    CallProgress *m_progress;
    ProblemLabel *m_requestProblem;
    FhirResultsPanel *m_results;
    FhirResourceView *m_resource;
};
