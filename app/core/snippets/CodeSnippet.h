// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace Halo {

class ApiCall;
class HaloApiClient;

// A request as the user set it up on screen, to repeat from their own code. It never holds the
// subscription key: every snippet reads it from the HALO_KEY environment variable.
struct RequestRecipe {
    // QueryResult: the rows come base64-encoded in `result.data` (or a page's `data`), JSON
    // once decoded; the snippet decodes them and prints them as a JSON array.
    enum class Answer { Json, QueryResult };

    QByteArray method;      // GET or POST
    QUrl url;               // complete, on the endpoint in use
    QByteArray contentType; // empty when there is no body
    QByteArray body;
    Answer answer = Answer::Json;

    // The request a typed call would send through `client` (built, not sent).
    static RequestRecipe of(const HaloApiClient &client, const ApiCall &call, Answer answer);
};

enum class SnippetLanguage { Curl, PowerShell, Python, CSharp, JavaScript };

// Every language, in the order the "Copy as" menu lists them.
QList<SnippetLanguage> snippetLanguages();
// cURL, PowerShell, Python, C#, JavaScript: the menu entries' names.
QString snippetLanguageName(SnippetLanguage language);
// A program (or command) in `language` that sends the request with the key from HALO_KEY and
// prints the answer: a query result's rows decoded, as a JSON array.
QString codeSnippet(const RequestRecipe &recipe, SnippetLanguage language);

} // namespace Halo
