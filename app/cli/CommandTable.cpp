// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandTable.h"

#include "QueryOptions.h"

#include <QCoreApplication>

namespace Cli {

namespace {

// The same translation context as the parser's messages: the help is one text to translators.
// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::CommandLine)
};

OptionSpec option(const QString &name, const QString &valueName, const QString &help,
                  const QStringList &choices = {}, bool required = false)
{
    return {name, valueName, help, choices, required};
}

OptionSpec required(const QString &name, const QString &valueName, const QString &help,
                    const QStringList &choices = {})
{
    return option(name, valueName, help, choices, true);
}

ArgumentSpec guidArgument()
{
    return {QStringLiteral("GUID"),
            Text::tr("the site's Halo GUID, e.g. 3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"), true};
}

QStringList pmsChoices()
{
    return {QStringLiteral("Best Practice"), QStringLiteral("Zedmed"), QStringLiteral("D4w")};
}

QStringList formatChoices()
{
    return {QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json")};
}

OptionSpec formatOption()
{
    return option(
        QStringLiteral("format"), QStringLiteral("FORMAT"),
        Text::tr("table (aligned columns; the default), csv (RFC 4180: header row, CRLF, NULL "
                 "as an empty field, an empty string as \"\") or json (rows as objects in "
                 "column order; the default with --json)"),
        formatChoices());
}

} // namespace

QList<CommandSpec> buildCommandTable()
{
    const QString durationHelp = Text::tr("seconds, or a number with s, m, h or d (e.g. 15m)");
    const ArgumentSpec sql{
        QStringLiteral("SQL"),
        Text::tr("the SQL text as one argument; '-' reads it from standard input")};
    const ArgumentSpec queryId{QStringLiteral("ID"), Text::tr("the registered query's id")};
    const ArgumentSpec asyncQueryId{
        QStringLiteral("QUERY_ID"),
        Text::tr("the async query's id, as 'query --async --submit-only' printed it")};
    const OptionSpec pmsId =
        required(QStringLiteral("pms-id"), QStringLiteral("ID"),
                 Text::tr("the practice's ID in its practice management software"));
    const OptionSpec pms = required(QStringLiteral("pms"), QStringLiteral("PMS"),
                                    Text::tr("\"Best Practice\", Zedmed or D4w"), pmsChoices());
    return {
        {{QStringLiteral("key"), QStringLiteral("set")},
         QString(),
         Text::tr("Save the environment's subscription key in the keychain."),
         Text::tr(
             "Reads the key from the first line of standard input, for example: printf '%s' "
             "\"$KEY\" | halo-cli --environment stage key set. A key belongs to one environment; "
             "with --base-url it belongs to that URL's scheme, host and port. The sandbox's key is "
             "made for each "
             "run and is never stored."),
         {},
         {}},
        {{QStringLiteral("key"), QStringLiteral("forget")},
         QString(),
         Text::tr("Remove the environment's subscription key from the keychain."),
         QString(),
         {},
         {}},
        {{QStringLiteral("sites"), QStringLiteral("find")},
         QStringLiteral("--pms-id ID --pms PMS"),
         Text::tr("Find a practice's Halo GUIDs by its PMS ID."),
         Text::tr(
             "More than one site can share a PMS ID (after a reinstall or server move); only the "
             "authoritative one answers queries."),
         {},
         {pmsId, pms}},
        {{QStringLiteral("site"), QStringLiteral("status")},
         QStringLiteral("GUID"),
         Text::tr("Show a site: practice, PMS, Halo Link, availability and catalogues."),
         QString(),
         {guidArgument()},
         {}},
        {{QStringLiteral("site"), QStringLiteral("reresolve")},
         QStringLiteral("GUID --pms-id ID --pms PMS"),
         Text::tr("Check that GUID is still the practice's authoritative install, or find the one "
                  "that is."),
         Text::tr(
             "Looks the PMS ID up again. When another install is now authoritative, its Halo "
             "GUID is printed alone on standard output (exit 0), with what else changed on "
             "standard error. When GUID is still authoritative, that is said (exit 0). When no "
             "authoritative install is found, the exit status is 1. Nothing is changed: halo-cli "
             "keeps no site list, so update your own records with the GUID printed."),
         {guidArgument()},
         {pmsId, pms}},
        {{QStringLiteral("pair")},
         QStringLiteral("--pms-id ID --pms PMS [--code CODE]"),
         Text::tr("Pair with a practice, so its site answers queries."),
         Text::tr("Best Practice sites need the pairing code the practice gives you."),
         {},
         {required(QStringLiteral("pms-id"), QStringLiteral("ID"),
                   Text::tr("the practice's ID in its practice management software")),
          required(QStringLiteral("pms"), QStringLiteral("PMS"),
                   Text::tr("\"Best Practice\", Zedmed or D4w"), pmsChoices()),
          option(QStringLiteral("code"), QStringLiteral("CODE"), Text::tr("the pairing code"))}},
        {{QStringLiteral("query")},
         QStringLiteral("GUID [--type text|storedProcedure] [--param NAME:TYPE=VALUE]... "
                        "[--out-param NAME:TYPE[:SIZE]]... [--max-time-in-queue MS] "
                        "[--mode MODE] [--catalogue NAME] [--async [--submit-only]] [options] SQL"),
         Text::tr("Run SQL at a site and print the result."),
         Text::tr(
             "An immediate query must finish within about 30 seconds and return at most 8 MB; "
             "--async has no such limits and shows each state change on standard error. "
             "Following an async query ends at --timeout, and in any case at the query's own "
             "deadline: its maximum time in queue, the 5-minute execution limit and the upload, "
             "with a margin. Output parameters are printed after the rows. On Production (also a "
             "--base-url on its host) a command that may change data is sent only with "
             "--confirm-production, and never while Production is read-only; a refused "
             "command is not sent at all and exits with 1."),
         {guidArgument(), sql},
         QList<OptionSpec>{option(QStringLiteral("async"), QString(),
                                  Text::tr("run as an async query: submit, follow its status, then "
                                           "fetch every page")),
                           option(QStringLiteral("submit-only"), QString(),
                                  Text::tr("with --async: submit the query, print its id alone on "
                                           "standard output and end at once; read it later with "
                                           "'query status' and 'query results'"))} +
             QueryOptions::commandOptions() +
             QList<OptionSpec>{
                 QueryOptions::catalogueOption(), QueryOptions::maxTimeInQueueOption(),
                 formatOption(),
                 option(QStringLiteral("timeout"), QStringLiteral("TIME"),
                        Text::tr("with --async: stop waiting after this long (e.g. 90s, "
                                 "10m); the query carries on at Halo")),
                 QueryOptions::confirmProductionOption()}},
        {{QStringLiteral("query"), QStringLiteral("status")},
         QStringLiteral("GUID QUERY_ID"),
         Text::tr("Show an async query: its state, the time spent in each state, sizes and pages."),
         Text::tr("With --json (before the command) the query object is printed as Halo sent it."),
         {guidArgument(), asyncQueryId},
         {}},
        {{QStringLiteral("query"), QStringLiteral("results")},
         QStringLiteral("GUID QUERY_ID [--format FORMAT]"),
         Text::tr("Print every page of a finished async query's result."),
         Text::tr(
             "The output is the same as 'query --async' prints. A query that has not finished "
             "says its state and the exit status is 1; so does a result that has expired (HTTP "
             "410: Halo keeps results for about 24 hours)."),
         {guidArgument(), asyncQueryId},
         {formatOption()}},
        {{QStringLiteral("query"), QStringLiteral("batch-status")},
         QStringLiteral("GUID QUERY_ID..."),
         Text::tr("Show for each async query id whether Halo knows it, and its status."),
         Text::tr(
             "One line per id: the id, found or not found, and the status. With --json (before "
             "the command) the answer is printed as Halo sent it."),
         {guidArgument(),
          {QStringLiteral("QUERY_ID"), Text::tr("one or more async query ids"), false, false,
           true}},
         {}},
        {{QStringLiteral("fhir")},
         QStringLiteral("GUID [--get | --post] REQUEST"),
         Text::tr("Read FHIR R4 resources of a Best Practice site and print them as JSON."),
         Text::tr(
             "REQUEST is what follows fhir/R4/, e.g. 'Patient?family=Smith&_count=20', "
             "'Patient/12', 'metadata', or a Bundle's next link. On Production a search is sent "
             "as POST RESOURCE/_search, so its values stay out of URLs and logs; elsewhere as "
             "GET. The site's status is read first: Halo Cloud offers FHIR for Best Practice "
             "practices only, so for a Zedmed or D4w site no FHIR request is sent and the exit "
             "status is 1. When a Bundle has more pages, the command for the next one is shown "
             "on standard error."),
         {guidArgument(),
          {QStringLiteral("REQUEST"),
           Text::tr("the resource, id or search, quoted for the shell")}},
         {option(QStringLiteral("get"), QString(),
                 Text::tr("search with GET, the search values in the URL (the default outside "
                          "Production)")),
          option(QStringLiteral("post"), QString(),
                 Text::tr("search with POST RESOURCE/_search and a form body, so the search values "
                          "stay out of the URL (the default on Production)"))}},
        {{QStringLiteral("registered"), QStringLiteral("list")},
         QStringLiteral("GUID"),
         Text::tr("List a site's registered queries."),
         QString(),
         {guidArgument()},
         {}},
        {{QStringLiteral("registered"), QStringLiteral("create")},
         QStringLiteral("GUID --name NAME --frequency SECONDS --duration SECONDS [--mode MODE] "
                        "[--type TYPE] [--param NAME:TYPE=VALUE]... "
                        "[--out-param NAME:TYPE[:SIZE]]... [--confirm-production] SQL"),
         Text::tr("Register a query that the site runs every --frequency, for --duration."),
         Text::tr("Prints the new registered query's id on standard output. The same guard as "
                  "'query': on Production a command that may change data needs "
                  "--confirm-production, and is never sent while Production is read-only."),
         {guidArgument(), sql},
         QList<OptionSpec>{
             required(QStringLiteral("name"), QStringLiteral("NAME"),
                      Text::tr("a name to recognise it by")),
             required(QStringLiteral("frequency"), QStringLiteral("SECONDS"),
                      Text::tr("how often it runs (at least 60 s); ") + durationHelp),
             required(QStringLiteral("duration"), QStringLiteral("SECONDS"),
                      Text::tr("how long it stays registered (at most 24 h); ") + durationHelp)} +
             QueryOptions::commandOptions() +
             QList<OptionSpec>{QueryOptions::confirmProductionOption()}},
        {{QStringLiteral("registered"), QStringLiteral("show")},
         QStringLiteral("GUID ID"),
         Text::tr("Show a registered query: status, schedule, last run and counts."),
         QString(),
         {guidArgument(), queryId},
         {}},
        {{QStringLiteral("registered"), QStringLiteral("results")},
         QStringLiteral("GUID ID [--format FORMAT]"),
         Text::tr("Print the latest result of a registered query."),
         QString(),
         {guidArgument(), queryId},
         {formatOption()}},
        {{QStringLiteral("registered"), QStringLiteral("cancel")},
         QStringLiteral("GUID ID"),
         Text::tr("Cancel a registered query."),
         QString(),
         {guidArgument(), queryId},
         {}},
        {{QStringLiteral("read-only")},
         QStringLiteral("[on|off]"),
         Text::tr("Show or set the environment's read-only switch."),
         Text::tr(
             "While it is on, no command that may change data is sent to the environment, not "
             "even with --confirm-production. It is on by default for Production (and so for a "
             "--base-url on the Production host) and off elsewhere. Halo Explorer's window "
             "shows and sets the same switch. Prints on or off on standard output."),
         {{QStringLiteral("STATE"), Text::tr("on or off; without it, the switch is shown"), false,
           true}},
         {}},
        {{QStringLiteral("verify")},
         QStringLiteral("[--sites FILE.csv | --site GUID] [--format table|csv|json] "
                        "[--report FILE.html|FILE.json]"),
         Text::tr(
             "Verify practices in bulk: each one's authoritative install, status and identifiers."),
         Text::tr(
             "Without --sites, checks the sites saved in Halo Explorer's site list for the "
             "environment, against what was recorded when each was added. For each practice the "
             "PMS ID is looked up, the authoritative install's status is read and one verdict is "
             "given, the first that applies of: error, not-found, several-authoritative, "
             "guid-changed, offline, unreachable, name-differs, pms-version-changed; else ok. "
             "Four practices are checked at a time, with a line on standard error as each "
             "finishes. The exit status is 0 when every row is ok, 1 when any is not, and 2 when "
             "the CSV file cannot be read or its header lacks pms or pms_id (a bad row is an "
             "error row naming its line; the others are still checked). With --site, only the "
             "saved site with that Halo GUID is checked, as the window's status panel does for "
             "its Save report: 'verify --site GUID --report FILE' writes one site's evidence "
             "report; a GUID no saved site of the environment has exits 2."),
         {},
         {option(QStringLiteral("sites"), QStringLiteral("FILE.csv"),
                 Text::tr("a CSV file with a header row and the columns pms,pms_id and optionally "
                          "expected_guid,expected_name; pms is Best Practice, Zedmed or D4w")),
          option(
              QStringLiteral("site"), QStringLiteral("GUID"),
              Text::tr("check only the saved site with this Halo GUID (from Halo Explorer's site "
                       "list for the environment)")),
          option(
              QStringLiteral("format"), QStringLiteral("FORMAT"),
              Text::tr("table (the default), csv (RFC 4180, the JSON field names as the header) or "
                       "json (one object per row with pms, pms_id, expected_guid, guid, verdict, "
                       "practice_name, recorded_name, pms_version, halo_link_version, "
                       "availability, heartbeat_age_seconds and message; the default with --json)"),
              formatChoices()),
          option(QStringLiteral("report"), QStringLiteral("FILE"),
                 Text::tr(
                     "also write the evidence: a self-contained HTML page (JSON when FILE ends "
                     "in .json) with who, when, the environment, each row's identifiers recorded "
                     "and now, its verdict and the requests made (method, path, status, timing, a "
                     "number per request and the server's request id when it gives one); never "
                     "the key, never patient data"))}},
    };
}

} // namespace Cli
