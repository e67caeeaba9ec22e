// SPDX-License-Identifier: GPL-3.0-or-later
#include "snippets/CodeSnippet.h"

#include "api/HaloApiClient.h"
#include "net/ApiCall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace Halo {

namespace {

const QString kKeyHeader = QStringLiteral("Ocp-Apim-Subscription-Key");

// A double-quoted string literal that Python, JavaScript and C# read alike: backslash, quote
// and control characters escaped; other text (UTF-8) as it is.
QString quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x2028 || c.unicode() == 0x2029)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

// A single-quoted shell word: nothing inside is expanded.
QString shellQuoted(const QString &text)
{
    QString inner = text;
    inner.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

// A single-quoted PowerShell string: only the quote is special (doubled).
QString powerShellQuoted(const QString &text)
{
    QString inner = text;
    inner.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + inner + QLatin1Char('\'');
}

QString urlText(const RequestRecipe &recipe)
{
    return recipe.url.toString(QUrl::FullyEncoded);
}

bool hasBody(const RequestRecipe &recipe)
{
    return !recipe.body.isEmpty() || recipe.method == "POST";
}

QString curl(const RequestRecipe &recipe)
{
    QStringList lines;
    lines << QStringLiteral("curl -sS --fail-with-body -X %1 %2")
                 .arg(QString::fromLatin1(recipe.method), shellQuoted(urlText(recipe)));
    lines << QStringLiteral("-H \"%1: $HALO_KEY\"").arg(kKeyHeader);
    if (hasBody(recipe)) {
        lines << QStringLiteral("-H %1").arg(shellQuoted(QStringLiteral("Content-Type: ") +
                                                         QString::fromLatin1(recipe.contentType)));
        lines
            << QStringLiteral("--data-binary %1").arg(shellQuoted(QString::fromUtf8(recipe.body)));
    }
    QString command = lines.join(QStringLiteral(" \\\n  "));
    if (recipe.answer == RequestRecipe::Answer::QueryResult) // jq and base64 decode the rows
        command += QStringLiteral(" |\n  jq -r '(.result // .).data // empty' | base64 -d | jq .");
    return QStringLiteral("# The key comes from the HALO_KEY environment variable.\n") + command +
           QLatin1Char('\n');
}

QString powerShell(const RequestRecipe &recipe)
{
    QString code = QStringLiteral("# PowerShell 7 or Windows PowerShell 5.1; the key comes from "
                                  "$env:HALO_KEY.\n");
    code += QStringLiteral("$url = %1\n").arg(powerShellQuoted(urlText(recipe)));
    code += QStringLiteral("$headers = @{ '%1' = $env:HALO_KEY }\n").arg(kKeyHeader);
    QString call =
        QStringLiteral("Invoke-RestMethod -Method %1 -Uri $url -Headers $headers")
            .arg(recipe.method == "POST" ? QStringLiteral("Post") : QStringLiteral("Get"));
    if (hasBody(recipe)) {
        code +=
            QStringLiteral("$body = %1\n").arg(powerShellQuoted(QString::fromUtf8(recipe.body)));
        call += QStringLiteral(" -ContentType '%1; charset=utf-8' -Body "
                               "([Text.Encoding]::UTF8.GetBytes($body))")
                    .arg(QString::fromLatin1(recipe.contentType));
    }
    code += QStringLiteral("$answer = ") + call + QLatin1Char('\n');
    if (recipe.answer == RequestRecipe::Answer::QueryResult) {
        code += QStringLiteral(
            "# The rows come base64-encoded in result.data: JSON once decoded.\n"
            "$envelope = if ($answer.result) { $answer.result } else { $answer }\n"
            "$rows = if ($envelope.data) { [Text.Encoding]::UTF8.GetString("
            "[Convert]::FromBase64String($envelope.data)) | ConvertFrom-Json } else { @() }\n"
            "ConvertTo-Json -InputObject @($rows) -Depth 10\n");
    } else {
        code += QStringLiteral("$answer | ConvertTo-Json -Depth 20\n");
    }
    return code;
}

// `value` as a Python literal, indented by `depth` levels: what an integrator edits by hand
// beats an escaped JSON string. Integral numbers stay integers.
QString pythonLiteral(const QJsonValue &value, int depth)
{
    const QString inner(4 * (depth + 1), QLatin1Char(' '));
    const QString outer(4 * depth, QLatin1Char(' '));
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("None");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)) && std::abs(number) < 9007199254740992.0)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::String:
        return quoted(value.toString());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            return QStringLiteral("[]");
        QString out = QStringLiteral("[\n");
        for (const QJsonValue &item : array)
            out += inner + pythonLiteral(item, depth + 1) + QStringLiteral(",\n");
        return out + outer + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            return QStringLiteral("{}");
        QString out = QStringLiteral("{\n");
        for (auto it = object.begin(); it != object.end(); ++it)
            out += inner + quoted(it.key()) + QStringLiteral(": ") +
                   pythonLiteral(it.value(), depth + 1) + QStringLiteral(",\n");
        return out + outer + QLatin1Char('}');
    }
    }
    return QStringLiteral("None");
}

QString python(const RequestRecipe &recipe)
{
    QString code = QStringLiteral("# Python 3 with requests (pip install requests); the key comes "
                                  "from HALO_KEY.\nimport base64\nimport json\nimport os\n\n"
                                  "import requests\n\n");
    code += QStringLiteral("url = %1\n").arg(quoted(urlText(recipe)));
    code += QStringLiteral("headers = {%1: os.environ[\"HALO_KEY\"]").arg(quoted(kKeyHeader));
    QString arguments = QStringLiteral("url, headers=headers");
    if (hasBody(recipe)) {
        code += QStringLiteral(", \"Content-Type\": %1")
                    .arg(quoted(QString::fromLatin1(recipe.contentType)));
        // A JSON body as a dict that requests sends as JSON (json=); anything else as it is.
        QJsonParseError parsed;
        const QJsonDocument json = QJsonDocument::fromJson(recipe.body, &parsed);
        if (recipe.contentType.startsWith("application/json") &&
            parsed.error == QJsonParseError::NoError && json.isObject()) {
            code += QStringLiteral("}\nbody = %1\n").arg(pythonLiteral(json.object(), 0));
            arguments += QStringLiteral(", json=body");
        } else {
            code += QStringLiteral("}\nbody = %1\n").arg(quoted(QString::fromUtf8(recipe.body)));
            arguments += QStringLiteral(", data=body.encode(\"utf-8\")");
        }
    } else {
        code += QStringLiteral("}\n");
    }
    code += QStringLiteral("\nresponse = requests.%1(%2, timeout=120)\n")
                .arg(recipe.method == "POST" ? QStringLiteral("post") : QStringLiteral("get"),
                     arguments);
    code += QStringLiteral("response.raise_for_status()\nanswer = response.json()\n");
    if (recipe.answer == RequestRecipe::Answer::QueryResult) {
        code += QStringLiteral("# The rows come base64-encoded in result.data: JSON once decoded.\n"
                               "data = (answer.get(\"result\") or answer).get(\"data\")\n"
                               "rows = json.loads(base64.b64decode(data)) if data else []\n"
                               "print(json.dumps(rows, indent=2, ensure_ascii=False))\n");
    } else {
        code += QStringLiteral("print(json.dumps(answer, indent=2, ensure_ascii=False))\n");
    }
    return code;
}

QString cSharp(const RequestRecipe &recipe)
{
    QString code = QStringLiteral("// .NET 6 or later (dotnet new console; this is Program.cs); "
                                  "the key comes from HALO_KEY.\n"
                                  "using System.Text;\nusing System.Text.Json;\n\n");
    code += QStringLiteral("var url = %1;\n").arg(quoted(urlText(recipe)));
    code += QStringLiteral(
                "using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };\n"
                "using var request = new HttpRequestMessage(HttpMethod.%1, url);\n"
                "request.Headers.Add(%2, Environment.GetEnvironmentVariable(\"HALO_KEY\"));\n")
                .arg(recipe.method == "POST" ? QStringLiteral("Post") : QStringLiteral("Get"),
                     quoted(kKeyHeader));
    if (hasBody(recipe))
        code += QStringLiteral("request.Content = new StringContent(%1, Encoding.UTF8, %2);\n")
                    .arg(quoted(QString::fromUtf8(recipe.body)),
                         quoted(QString::fromLatin1(recipe.contentType)));
    code += QStringLiteral(
        "using var response = await client.SendAsync(request);\n"
        "var text = await response.Content.ReadAsStringAsync();\n"
        "if (!response.IsSuccessStatusCode)\n"
        "    throw new HttpRequestException($\"HTTP {(int)response.StatusCode}: {text}\");\n"
        "using var answer = JsonDocument.Parse(text);\n"
        "var indented = new JsonSerializerOptions { WriteIndented = true };\n");
    if (recipe.answer == RequestRecipe::Answer::QueryResult) {
        code += QStringLiteral(
            "// The rows come base64-encoded in result.data: JSON once decoded.\n"
            "var envelope = answer.RootElement.TryGetProperty(\"result\", out var result) ? result "
            ": answer.RootElement;\n"
            "var rowsJson = envelope.TryGetProperty(\"data\", out var data) && data.GetString() is "
            "string base64\n"
            "    ? Encoding.UTF8.GetString(Convert.FromBase64String(base64)) : \"[]\";\n"
            "using var rows = JsonDocument.Parse(rowsJson);\n"
            "Console.WriteLine(JsonSerializer.Serialize(rows.RootElement, indented));\n");
    } else {
        code += QStringLiteral(
            "Console.WriteLine(JsonSerializer.Serialize(answer.RootElement, indented));\n");
    }
    return code;
}

QString javaScript(const RequestRecipe &recipe)
{
    QString code = QStringLiteral("// Node.js 18 or later, as an ES module (snippet.mjs); the key "
                                  "comes from HALO_KEY.\n");
    code += QStringLiteral("const url = %1;\n").arg(quoted(urlText(recipe)));
    code += QStringLiteral("const response = await fetch(url, {\n  method: \"%1\",\n"
                           "  headers: {\n    %2: process.env.HALO_KEY,\n")
                .arg(QString::fromLatin1(recipe.method), quoted(kKeyHeader));
    if (hasBody(recipe)) {
        code += QStringLiteral("    \"Content-Type\": %1,\n  },\n  body: %2,\n});\n")
                    .arg(quoted(QString::fromLatin1(recipe.contentType)),
                         quoted(QString::fromUtf8(recipe.body)));
    } else {
        code += QStringLiteral("  },\n});\n");
    }
    code += QStringLiteral(
        "if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);\n"
        "const answer = await response.json();\n");
    if (recipe.answer == RequestRecipe::Answer::QueryResult) {
        code += QStringLiteral(
            "// The rows come base64-encoded in result.data: JSON once decoded.\n"
            "const data = (answer.result ?? answer).data;\n"
            "const rows = data\n"
            "  ? JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(data), (c) => "
            "c.charCodeAt(0))))\n"
            "  : [];\n"
            "console.log(JSON.stringify(rows, null, 2));\n");
    } else {
        code += QStringLiteral("console.log(JSON.stringify(answer, null, 2));\n");
    }
    return code;
}

} // namespace

RequestRecipe RequestRecipe::of(const HaloApiClient &client, const ApiCall &call, Answer answer)
{
    RequestRecipe recipe;
    recipe.method = call.method();
    recipe.url = client.urlFor(call.target());
    recipe.contentType = call.requestContentType();
    recipe.body = call.requestBody();
    if (recipe.contentType.isEmpty() && hasBody(recipe))
        recipe.contentType = QByteArrayLiteral("application/json");
    recipe.answer = answer;
    return recipe;
}

QList<SnippetLanguage> snippetLanguages()
{
    return {SnippetLanguage::Curl, SnippetLanguage::PowerShell, SnippetLanguage::Python,
            SnippetLanguage::CSharp, SnippetLanguage::JavaScript};
}

QString snippetLanguageName(SnippetLanguage language)
{
    switch (language) {
    case SnippetLanguage::Curl:
        return QStringLiteral("cURL");
    case SnippetLanguage::PowerShell:
        return QStringLiteral("PowerShell");
    case SnippetLanguage::Python:
        return QStringLiteral("Python");
    case SnippetLanguage::CSharp:
        return QStringLiteral("C#");
    case SnippetLanguage::JavaScript:
        return QStringLiteral("JavaScript");
    }
    return {};
}

QString codeSnippet(const RequestRecipe &recipe, SnippetLanguage language)
{
    switch (language) {
    case SnippetLanguage::Curl:
        return curl(recipe);
    case SnippetLanguage::PowerShell:
        return powerShell(recipe);
    case SnippetLanguage::Python:
        return python(recipe);
    case SnippetLanguage::CSharp:
        return cSharp(recipe);
    case SnippetLanguage::JavaScript:
        return javaScript(recipe);
    }
    return {};
}

} // namespace Halo
