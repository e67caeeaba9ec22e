// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirAnswerParser.h"

#include <QtConcurrent/QtConcurrentRun>

FhirAnswerParser::FhirAnswerParser(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<FhirParsedAnswer>::finished, this, [this]() {
        if (m_watching == m_generation)
            emit ready(m_watcher.result(), m_page);
    });
}

FhirAnswerParser::~FhirAnswerParser()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void FhirAnswerParser::read(const Halo::FhirNavigation::Visit &visit,
                            const std::optional<Halo::FhirResponse> &response)
{
    const int generation = ++m_generation;
    m_page = visit.page;
    m_watching = generation;
    const QByteArray body = visit.body;
    m_watcher.setFuture(QtConcurrent::run([body, response]() {
        FhirParsedAnswer answer{response ? *response : Halo::FhirResponse::parse(body), nullptr};
        if (!answer.response.root.isEmpty()) {
            answer.wholeTree = Halo::FhirJsonTreeModel::buildTree(
                answer.response.root,
                answer.response.root.value(QLatin1String("resourceType")).toString());
        }
        return answer;
    }));
}

void FhirAnswerParser::discard()
{
    ++m_generation;
}
