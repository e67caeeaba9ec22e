// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>

#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirNavigation.h"
#include "fhir/FhirResponse.h"

// A FHIR answer as the FHIR tab shows it: parsed, and its whole tree built (a large Bundle
// would otherwise stall the GUI when the user asks for the whole response).
struct FhirParsedAnswer {
    Halo::FhirResponse response;
    std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> wholeTree;
};

// Reads the FHIR tab's answers on a worker thread: parses a body kept for Back and Forward (an
// answer the call has parsed already is taken as it is) and builds its whole tree, so that the
// GUI keeps answering. Only the latest answer asked for is reported.
class FhirAnswerParser : public QObject
{
    Q_OBJECT
public:
    explicit FhirAnswerParser(QObject *parent = nullptr);
    ~FhirAnswerParser() override; // waits for the worker

    // `response` as the call read it; without one, the visit's body is parsed.
    void read(const Halo::FhirNavigation::Visit &visit,
              const std::optional<Halo::FhirResponse> &response = std::nullopt);
    void discard(); // what is being read is no longer wanted

signals:
    void ready(const FhirParsedAnswer &answer, int page);

private:
    QFutureWatcher<FhirParsedAnswer> m_watcher;
    int m_generation = 0; // of the latest answer asked for
    int m_watching = 0;   // of the answer the watcher follows
    int m_page = 1;       // of the latest answer asked for
};
