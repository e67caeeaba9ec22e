// SPDX-License-Identifier: GPL-3.0-or-later
// FhirFacade paging: next and previous links visit every match once, POST _search pages like GET,
// unknown tokens are gone, and a _count above the largest page is reduced with a notice.
#include "FailOnWarning.h"
#include "FhirFacadeRig.h"

#include <QSet>

using namespace Sandbox;
using namespace FhirFacadeTesting;

class TestFhirFacadePaging : public QObject, public FhirFacadeRig
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void pagingVisitsEveryMatchOnce();
    void postSearchMatchesGet();
    void unknownPagingToken();
    void reducedPageSizeNotice();
};

void TestFhirFacadePaging::initTestCase()
{
    findSites();
}

void TestFhirFacadePaging::pagingVisitsEveryMatchOnce()
{
    FhirReply reply = get(QStringLiteral("Patient"), QStringLiteral("gender=female&_count=37"));
    QCOMPARE(reply.httpStatus, 200);
    QJsonObject bundle = parse(reply);
    const qint64 total = bundle[QStringLiteral("total")].toInteger();
    QVERIFY(total > 37 * 3);
    QVERIFY(linkUrl(bundle, QStringLiteral("previous")).isEmpty());

    QList<QStringList> pages;
    QSet<QString> seen;
    for (int guard = 0; guard < 100; ++guard) {
        QCOMPARE(bundle[QStringLiteral("total")].toInteger(), total);
        const QStringList ids = entryIds(bundle);
        QVERIFY(ids.size() <= 37);
        for (const QString &id : ids) {
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
        }
        for (const QJsonValue &entry : entries(bundle)) {
            QCOMPARE(entry[QStringLiteral("resource")][QStringLiteral("gender")].toString(),
                     QStringLiteral("female"));
        }
        pages.append(ids);
        const QString next = linkUrl(bundle, QStringLiteral("next"));
        if (next.isEmpty())
            break;
        QVERIFY(next.startsWith(m_base + QLatin1Char('?')));
        QVERIFY(!next.contains(QLatin1String("female")));
        reply = follow(next);
        QCOMPARE(reply.httpStatus, 200);
        bundle = parse(reply);
    }
    QCOMPARE(qint64(seen.size()), total);
    QCOMPARE(pages.size(), int((total + 36) / 37));

    // Default order is by id, so the pages concatenate to ascending ids.
    QStringList all;
    for (const QStringList &page : pages)
        all += page;
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).toLongLong() < all.at(i).toLongLong());

    // Walk back with `previous`: the same pages in reverse.
    for (int index = pages.size() - 2; index >= 0; --index) {
        const QString previous = linkUrl(bundle, QStringLiteral("previous"));
        QVERIFY(!previous.isEmpty());
        reply = follow(previous);
        QCOMPARE(reply.httpStatus, 200);
        bundle = parse(reply);
        QCOMPARE(entryIds(bundle), pages.at(index));
    }
    QVERIFY(linkUrl(bundle, QStringLiteral("previous")).isEmpty());
}

void TestFhirFacadePaging::postSearchMatchesGet()
{
    const QString query = QStringLiteral("family=Smith&given=&_count=2");
    const QJsonObject viaGet = parse(get(QStringLiteral("Patient"), query));
    const FhirReply postReply =
        m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Patient"), query.toUtf8());
    QCOMPARE(postReply.httpStatus, 200);
    const QJsonObject viaPost = parse(postReply);
    QCOMPARE(viaPost[QStringLiteral("total")].toInteger(),
             viaGet[QStringLiteral("total")].toInteger());
    QCOMPARE(entryIds(viaPost), entryIds(viaGet));

    for (const QJsonValue &link : viaPost[QStringLiteral("link")].toArray()) {
        const QString url = link[QStringLiteral("url")].toString();
        QVERIFY2(!url.contains(QLatin1String("Smith"), Qt::CaseInsensitive), qPrintable(url));
        QVERIFY2(!url.contains(QLatin1String("family")), qPrintable(url));
        QVERIFY2(url.contains(QLatin1String("_getpages=")), qPrintable(url));
    }

    // All pages of the POST search equal all pages of the GET search.
    QStringList postIds = entryIds(viaPost);
    QJsonObject bundle = viaPost;
    while (!linkUrl(bundle, QStringLiteral("next")).isEmpty()) {
        bundle = parse(follow(linkUrl(bundle, QStringLiteral("next"))));
        postIds += entryIds(bundle);
    }
    qint64 total = 0;
    QStringList getIds;
    for (const QJsonObject &resource :
         allMatches(QStringLiteral("Patient"), QStringLiteral("family=Smith"), &total))
        getIds.append(resource[QStringLiteral("id")].toString());
    QCOMPARE(postIds, getIds);
    QCOMPARE(qint64(postIds.size()), total);

    // Form encoding: '+' is a space and percent-escapes are decoded.
    const FhirReply encoded =
        m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Patient"),
                          QByteArrayLiteral("family=O%27Brien&given=Zo%C3%AB"));
    QCOMPARE(entryIds(parse(encoded)), QStringList{QStringLiteral("1")});
    checkOutcome(m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Patient"),
                                   QByteArrayLiteral("colour+scheme=blue")),
                 400, QStringLiteral("not-supported"), QStringLiteral("colour scheme"));
}

void TestFhirFacadePaging::unknownPagingToken()
{
    checkOutcome(
        get(QString(), QStringLiteral("_getpages=not-a-token&_getpagesoffset=20&_count=20")), 410,
        QStringLiteral("not-found"), QStringLiteral("expired"));

    // A token is only good for the site that made it.
    const QJsonObject bundle = parse(get(QStringLiteral("Patient"), QStringLiteral("_count=5")));
    const QUrl next(linkUrl(bundle, QStringLiteral("next")));
    QVERIFY(next.isValid());
    checkOutcome(m_fhir.get(*m_zedmed, baseFor(*m_zedmed), QString(), QUrlQuery(next)), 400,
                 QStringLiteral("not-supported"), QStringLiteral("Best Practice"));
    SampleSite otherBp = *m_bp;
    otherBp.guid = QStringLiteral("00000000-0000-0000-0000-000000000000");
    checkOutcome(m_fhir.get(otherBp, m_base, QString(), QUrlQuery(next)), 410,
                 QStringLiteral("not-found"), QStringLiteral("expired"));
}

// A search that runs, but not as asked, says so in an OperationOutcome entry of the Bundle.
void TestFhirFacadePaging::reducedPageSizeNotice()
{
    const QJsonObject bundle =
        parse(get(QStringLiteral("Patient"), QStringLiteral("gender=female&_count=500")));
    const QJsonArray all = entries(bundle);
    QJsonObject notice;
    int matches = 0;
    for (const QJsonValue &entry : all) {
        const QString mode = entry[QStringLiteral("search")][QStringLiteral("mode")].toString();
        if (mode == QLatin1String("outcome"))
            notice = entry[QStringLiteral("resource")].toObject();
        else if (mode == QLatin1String("match"))
            ++matches;
    }
    QCOMPARE(matches, 100);
    QCOMPARE(notice[QStringLiteral("resourceType")].toString(), QStringLiteral("OperationOutcome"));
    const QJsonObject issue = notice[QStringLiteral("issue")][0].toObject();
    QCOMPARE(issue[QStringLiteral("severity")].toString(), QStringLiteral("information"));
    QCOMPARE(issue[QStringLiteral("code")].toString(), QStringLiteral("informational"));
    QVERIFY(issue[QStringLiteral("details")][QStringLiteral("text")].toString().contains(
        QLatin1String("_count=500")));

    // The next page is an ordinary one: the links carry the reduced size.
    const QString next = linkUrl(bundle, QStringLiteral("next"));
    QVERIFY(next.contains(QLatin1String("_count=100")));
    const QJsonObject second = parse(follow(next));
    for (const QJsonValue &entry : entries(second))
        QCOMPARE(entry[QStringLiteral("search")][QStringLiteral("mode")].toString(),
                 QStringLiteral("match"));
}

QTEST_GUILESS_MAIN(TestFhirFacadePaging)
#include "tst_fhirfacade_paging.moc"
