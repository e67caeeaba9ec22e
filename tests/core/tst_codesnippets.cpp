// SPDX-License-Identifier: GPL-3.0-or-later
// "Copy as": each code snippet is run, where its runtime is on this machine (Python with
// requests, the shell with curl, jq and base64, Node.js; PowerShell and .NET when present),
// against a sandbox on loopback with the key in HALO_KEY, and the rows it prints must be the
// rows the window's grid gets for the same request. No snippet holds the key itself.
#include "ApiCallsRig.h"
#include "FailOnWarning.h"
#include "api/FhirCalls.h"
#include "api/QueryCalls.h"
#include "fhir/FhirRequest.h"
#include "results/ResultTable.h"
#include "snippets/CodeSnippet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using Halo::SnippetLanguage;

namespace {

// Quotes, a backslash, an apostrophe, a dollar and non-ASCII text: every quoting rule is used.
const QString kSql = QStringLiteral(
    "SELECT id, surname, first_name, 'O''Brien \"q\" \\ $HOME caf\u00e9' AS awkward, "
    "NULL AS no_value, 2.5 AS half FROM patients WHERE id <= @last ORDER BY id");

// The query with a parameter and a queue time: nested objects, lists and numbers in the body.
Halo::QueryCommand awkwardQuery()
{
    Halo::QueryCommand command = sql(kSql);
    Halo::QueryParameter last;
    last.name = QStringLiteral("@last");
    last.type = QStringLiteral("Int");
    last.value = QStringLiteral("12");
    command.parameters << last;
    command.maxTimeInQueueMs = 30000;
    return command;
}

// The program that runs a snippet saved at `path`, or empty when this machine lacks it.
QStringList runnerFor(SnippetLanguage language, const QString &path)
{
    const auto have = [](const char *program) {
        return !QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty();
    };
    switch (language) {
    case SnippetLanguage::Python:
        // The system's Python has Debian's python3-requests (packaging/quickstart.sh).
        for (const QString &python :
             {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
            QProcess probe;
            probe.start(python, {QStringLiteral("-c"), QStringLiteral("import requests")});
            if (probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit &&
                probe.exitCode() == 0)
                return {python, path};
        }
        return {};
    case SnippetLanguage::Curl:
        if (have("sh") && have("curl") && have("jq") && have("base64"))
            return {QStringLiteral("sh"), path};
        return {};
    case SnippetLanguage::JavaScript:
        if (have("node"))
            return {QStringLiteral("node"), path};
        return {};
    case SnippetLanguage::PowerShell:
        if (have("pwsh"))
            return {QStringLiteral("pwsh"), QStringLiteral("-NoProfile"), QStringLiteral("-File"),
                    path};
        return {};
    case SnippetLanguage::CSharp:
        return {}; // needs a project and a .NET SDK: checked for its parts below
    }
    return {};
}

QString extensionFor(SnippetLanguage language)
{
    switch (language) {
    case SnippetLanguage::Curl:
        return QStringLiteral("sh");
    case SnippetLanguage::PowerShell:
        return QStringLiteral("ps1");
    case SnippetLanguage::Python:
        return QStringLiteral("py");
    case SnippetLanguage::CSharp:
        return QStringLiteral("cs");
    case SnippetLanguage::JavaScript:
        return QStringLiteral("mjs");
    }
    return {};
}

// Each row as the grid holds it against the snippet's JSON object of the same row.
void compareRows(const Halo::ResultTable &grid, const QJsonArray &rows)
{
    QCOMPARE(rows.size(), grid.rowCount());
    for (int r = 0; r < grid.rowCount(); ++r) {
        const QJsonObject row = rows.at(r).toObject();
        QCOMPARE(row.size(), grid.columnCount());
        for (int c = 0; c < grid.columnCount(); ++c) {
            const QString column = grid.columns().at(c);
            const QJsonValue value = row.value(column);
            const Halo::ResultCell cell = grid.cell(r, c);
            switch (cell.kind()) {
            case Halo::ResultCell::Kind::Null:
                QVERIFY2(value.isNull(), qPrintable(column));
                break;
            case Halo::ResultCell::Kind::Integer:
                QCOMPARE(value.toInteger(), cell.toInteger());
                break;
            case Halo::ResultCell::Kind::Real:
                QCOMPARE(value.toDouble(), cell.toReal());
                break;
            case Halo::ResultCell::Kind::Boolean:
                QCOMPARE(value.toBool(), cell.toBoolean());
                break;
            default:
                QCOMPARE(value.toString(), QString::fromUtf8(grid.textUtf8(r, c)));
            }
        }
    }
}

// Saves `code` in `dir` as the language's file; the command that runs it, or empty when this
// machine has no runtime for it.
QStringList saveSnippet(const QTemporaryDir &dir, SnippetLanguage language, const QString &code)
{
    const QString path = dir.filePath(QStringLiteral("snippet.") + extensionFor(language));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(code.toUtf8()) != code.toUtf8().size()) {
        QTest::qFail("could not save the snippet", __FILE__, __LINE__);
        return {};
    }
    file.close();
    return runnerFor(language, path);
}

// Runs a saved snippet with the key in HALO_KEY while the test's event loop (and so the
// sandbox) runs; its standard output. Fails the test when it does not end well.
QByteArray runSnippet(const QStringList &runner, const QString &folder, const QString &code)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HALO_KEY"), kKey);
    environment.remove(QStringLiteral("http_proxy"));
    environment.remove(QStringLiteral("https_proxy"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(folder);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(runner.first(), runner.mid(1));
    if (!process.waitForStarted(20000) || !finished.wait(120000)) {
        QTest::qFail("the snippet did not start or end", __FILE__, __LINE__);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QByteArray why = process.readAllStandardError() + '\n' + code.toUtf8();
        QTest::qFail(why.constData(), __FILE__, __LINE__);
        return {};
    }
    return process.readAllStandardOutput();
}

} // namespace

class TestCodeSnippets : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }

    void snippetRunsAndAgreesWithTheGrid_data()
    {
        QTest::addColumn<SnippetLanguage>("language");
        for (const SnippetLanguage language : Halo::snippetLanguages())
            QTest::newRow(qPrintable(Halo::snippetLanguageName(language))) << language;
    }

    void snippetRunsAndAgreesWithTheGrid()
    {
        QFETCH(SnippetLanguage, language);
        START_RIG(rig, sandboxOptions()); // takes kKey
        const Halo::QueryCommand command = awkwardQuery();

        // What the grid shows for the request.
        const auto call = awaitCall(rig.client.runImmediate(onlineBp().guid, command));
        VERIFY_OK(call);
        const Halo::ResultTable grid = call->result().table;
        QCOMPARE(grid.rowCount(), 12);

        // The same request as code.
        const Halo::ImmediateQueryCall unsent(onlineBp().guid, command);
        const Halo::RequestRecipe recipe =
            Halo::RequestRecipe::of(rig.client, unsent, Halo::RequestRecipe::Answer::QueryResult);
        QCOMPARE(recipe.url.toString(),
                 rig.server.baseUrl() +
                     QStringLiteral("/integrator/sites/%1/queries/immediate").arg(onlineBp().guid));
        const QString code = Halo::codeSnippet(recipe, language);
        QVERIFY2(!code.contains(kKey), "the key itself is never in a snippet");
        QVERIFY(code.contains(QStringLiteral("HALO_KEY")));
        QVERIFY(code.contains(QStringLiteral("Ocp-Apim-Subscription-Key")));
        if (language == SnippetLanguage::Python) {
            // The body as a dict to edit, not an escaped JSON string.
            for (const char *part :
                 {"json=body", "body = {\n", "    \"command\": {\n", "        \"parameters\": [\n"})
                QVERIFY2(code.contains(QString::fromLatin1(part)), part);
        }
        if (language == SnippetLanguage::CSharp) {
            for (const char *part : {"HttpClient", "System.Text.Json", "Convert.FromBase64String",
                                     "Environment.GetEnvironmentVariable(\"HALO_KEY\")"})
                QVERIFY2(code.contains(QString::fromLatin1(part)), part);
        }

        QTemporaryDir dir;
        const QStringList runner = saveSnippet(dir, language, code);
        if (QTest::currentTestFailed())
            return;
        if (runner.isEmpty())
            QSKIP("this machine has no runtime for this language: its text was checked only");

        const QByteArray output = runSnippet(runner, dir.path(), code);
        if (QTest::currentTestFailed())
            return;
        QJsonParseError error;
        const QJsonDocument printed = QJsonDocument::fromJson(output, &error);
        QVERIFY2(printed.isArray(), qPrintable(error.errorString() + QLatin1Char('\n') +
                                               QString::fromUtf8(output.left(500))));
        compareRows(grid, printed.array());
    }

    void fhirSnippetRunsAndAgreesWithTheAnswer_data()
    {
        QTest::addColumn<SnippetLanguage>("language");
        QTest::addColumn<bool>("post");
        for (const SnippetLanguage language : Halo::snippetLanguages()) {
            const QString name = Halo::snippetLanguageName(language);
            QTest::newRow(qPrintable(name + QStringLiteral(", GET"))) << language << false;
            QTest::newRow(qPrintable(name + QStringLiteral(", POST _search"))) << language << true;
        }
    }

    // A FHIR search as the FHIR tab sends it (GET, or POST with a form body), as code.
    void fhirSnippetRunsAndAgreesWithTheAnswer()
    {
        QFETCH(SnippetLanguage, language);
        QFETCH(bool, post);
        START_RIG(rig, sandboxOptions());
        const QString guid = onlineBp().guid;
        const auto parsed = Halo::parseFhirLine(QStringLiteral("Patient?_count=3&gender=female"));
        QVERIFY(parsed.request);
        const Halo::FhirRequest &request = *parsed.request;
        const QUrl base = rig.client.fhirBase(guid);
        const auto answer =
            awaitCall(post ? rig.client.fhirSearch(guid, request.resourceType, request.form())
                           : rig.client.fhirGet(guid, request.relativeUrl()));
        VERIFY_OK(answer);
        const QList<Halo::FhirEntry> entries = answer->response().entries;
        QCOMPARE(entries.size(), 3);

        const std::unique_ptr<Halo::FhirCall> unsent =
            post ? std::make_unique<Halo::FhirCall>(base, request.resourceType, request.form())
                 : std::make_unique<Halo::FhirCall>(base, request.relativeUrl());
        const Halo::RequestRecipe recipe =
            Halo::RequestRecipe::of(rig.client, *unsent, Halo::RequestRecipe::Answer::Json);
        QCOMPARE(recipe.method, post ? QByteArray("POST") : QByteArray("GET"));
        const QString code = Halo::codeSnippet(recipe, language);
        QVERIFY(!code.contains(kKey));
        QCOMPARE(code.contains(QStringLiteral("application/x-www-form-urlencoded")), post);

        QTemporaryDir dir;
        const QStringList runner = saveSnippet(dir, language, code);
        if (QTest::currentTestFailed())
            return;
        if (runner.isEmpty())
            QSKIP("this machine has no runtime for this language: its text was checked only");
        const QByteArray output = runSnippet(runner, dir.path(), code);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject bundle = QJsonDocument::fromJson(output).object();
        QCOMPARE(bundle.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
        const QJsonArray printed = bundle.value(QLatin1String("entry")).toArray();
        QCOMPARE(printed.size(), entries.size());
        for (int i = 0; i < entries.size(); ++i) {
            const QJsonObject resource =
                printed.at(i).toObject().value(QLatin1String("resource")).toObject();
            QCOMPARE(resource.value(QLatin1String("id")).toString(), entries.at(i).id);
        }
    }

    void requestWithoutBodyHasNoContentType()
    {
        // A GET without a body: no Content-Type, no body argument in any language.
        Halo::RequestRecipe recipe;
        recipe.method = "GET";
        recipe.url = QUrl(QStringLiteral("https://api.example.net/integrator/sites/x/queries/q1"));
        for (const SnippetLanguage language : Halo::snippetLanguages()) {
            const QString code = Halo::codeSnippet(recipe, language);
            QVERIFY2(!code.contains(QStringLiteral("Content-Type")),
                     qPrintable(Halo::snippetLanguageName(language)));
            QVERIFY(code.contains(recipe.url.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCodeSnippets)
#include "tst_codesnippets.moc"
