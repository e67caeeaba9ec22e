<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Halo Explorer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Halo Explorer %1&lt;/b&gt;&lt;br&gt;A desktop explorer for the Halo Cloud API: sites, SQL and FHIR queries, and what went over the wire.&lt;br&gt;Free software under the GNU General Public License, version 3 or later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Explorer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operating system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GNU General Public License, version 3 or later: https://www.gnu.org/licenses/gpl-3.0.html</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Qt (LGPL-3.0), QScintilla (GPL-3.0), QtKeychain (BSD), SQLite (public domain).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About sections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Licence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Licence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Third-party notices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Third-party notices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy versions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AccessibleControls</name>
        <message>
            <source>%1 text</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AddSiteDialog</name>
        <message>
            <source>Add site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adds to the &lt;b&gt;%1&lt;/b&gt; site list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look up, pairing and the test query reach live practices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No site found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud has no site with PMS ID “%1” for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the ID with the practice (%1), and that Halo Link is installed there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site was not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud sent no valid Halo GUID for this install.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing you chose was lost: fix the problem and press Save site again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved “%1” (%2) to the %3 site list. Run a test query to check that it answers.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallProgress</name>
        <message>
            <source>Cancel request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Busy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2; trying again in %3 s, attempt %4)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>Could not write the output: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::AsyncQueryCommands</name>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>'%1' is not an async query id (a UUID like 1366ef6e-5b7c-4f1e-9a8d-2c4b6e0f3a17)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) affected</source>
            <translation>
                <numerusform>%n row affected</numerusform>
                <numerusform>%n rows affected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s), %1 in %2</source>
            <translation>
                <numerusform>%n row, %1 in %2</numerusform>
                <numerusform>%n rows, %1 in %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Query id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max time in queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 ms)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL execution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Took</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sandbox started for this run ends with it, and so does the query: to read it later, run halo-sandbox and use --base-url.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Submitted; read it with: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped following async query %1 after %2, its own deadline (its maximum time in queue, the 5-minute execution limit and the upload, with a margin); last status: %3. It may still finish: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped waiting after %1; the query was not confirmed as submitted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped waiting after %1 (last status: %2); async query %3 carries on at Halo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Async query %1 has not finished: it is %2. Its results can be read once it is successful; see %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not found</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::AsyncQueryFollower</name>
        <message>
            <source>Submitted async query %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 s)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::CliCommands</name>
        <message>
            <source>%1 (see '%2')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (see 'halo-cli --help')</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::CliSession</name>
        <message>
            <source>HALO_ENVIRONMENT is '%1'; use production, stage, sandbox or custom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the sandbox started for this run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HALO_KEY</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nowhere</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift it with 'halo-cli %1 read-only off', then send it with --confirm-production.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift it with 'halo-cli %1 read-only off' to send it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add --confirm-production to send it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sandbox could not start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No keychain is available to read the %1 key from. Set HALO_KEY instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No subscription key for %1. Save one with 'halo-cli %2 key set' (it reads the key from standard input), or set HALO_KEY.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::CommandContext</name>
        <message>
            <source>Check the PMS ID, the PMS and the pairing code with the practice; it can give you a new code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pair with the practice first: halo-cli pair --pms-id ID --pms PMS --code CODE.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 (see '%3')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(Environment: %1; key from %2.)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::CommandLine</name>
        <message>
            <source>%1: unknown option '%2' (put '--' before an argument that starts with '-')</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a global option: put it before the command (halo-cli %1 %2 ...)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: --%2 takes no value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: --%2 needs a value (%3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: --%2 must be one of %3, not '%4'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: --%2 %3 is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: missing %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: unexpected argument '%2' (quote SQL and FHIR requests as one argument)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: '%2' is not a Halo GUID (like 3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no command '%1'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown global option '%1' (a command's options go after the command)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--%1 needs a value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no command given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown command '%1'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>'%1' needs a command: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown command '%1 %2' (%1 has: %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: halo-cli [global options] COMMAND [arguments]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The command-line twin of Halo Explorer: the Halo Cloud Integrator API for scripts, CI and support work.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global options (before the command):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>production, stage, sandbox or custom. Default: $HALO_ENVIRONMENT when set, else sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the base URL of a custom environment (implies custom)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>send the key to an http:// base URL that is not this machine (the key then crosses the network unencrypted). Without it such a command is refused and sends nothing; https:// and http:// to 127.0.0.1, ::1 or localhost need no flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>machine-readable output: the API's JSON objects as sent; query results as JSON rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>show help; also after any command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>show the version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commands:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subscription key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$HALO_KEY when set (for CI), else the keychain's key for the environment (for --base-url: for its scheme, host and port), saved there with 'key set'. The sandbox needs none: halo-cli starts one inside itself, on a free port with a key of its own, and it ends when halo-cli does. To keep a sandbox between commands, run halo-sandbox and use --base-url with HALO_KEY. The key is never printed, and halo-cli writes no files but the read-only switch ('read-only on|off'), which it shares with Halo Explorer's window.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exit status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>success</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud or the network reported an error, or the safety rules refused to send a command (--confirm-production, read-only); one line on standard error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the command line is wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no subscription key, or the keychain failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Examples:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run 'halo-cli COMMAND --help' for a command's arguments and options.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: halo-cli [global options] %1 COMMAND [arguments]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run 'halo-cli %1 COMMAND --help' for a command's arguments and options.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arguments:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Options:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(required) </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>show this help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Related commands:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Global options such as --environment and --json go before the command; see 'halo-cli --help'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the site's Halo GUID, e.g. 3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>table (aligned columns; the default), csv (RFC 4180: header row, CRLF, NULL as an empty field, an empty string as "") or json (rows as objects in column order; the default with --json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>seconds, or a number with s, m, h or d (e.g. 15m)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the SQL text as one argument; '-' reads it from standard input</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the registered query's id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the async query's id, as 'query --async --submit-only' printed it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the practice's ID in its practice management software</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>"Best Practice", Zedmed or D4w</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the environment's subscription key in the keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reads the key from the first line of standard input, for example: printf '%s' "$KEY" | halo-cli --environment stage key set. A key belongs to one environment; with --base-url it belongs to that URL's scheme, host and port. The sandbox's key is made for each run and is never stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the environment's subscription key from the keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find a practice's Halo GUIDs by its PMS ID.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More than one site can share a PMS ID (after a reinstall or server move); only the authoritative one answers queries.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show a site: practice, PMS, Halo Link, availability and catalogues.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check that GUID is still the practice's authoritative install, or find the one that is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looks the PMS ID up again. When another install is now authoritative, its Halo GUID is printed alone on standard output (exit 0), with what else changed on standard error. When GUID is still authoritative, that is said (exit 0). When no authoritative install is found, the exit status is 1. Nothing is changed: halo-cli keeps no site list, so update your own records with the GUID printed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pair with a practice, so its site answers queries.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Best Practice sites need the pairing code the practice gives you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the pairing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run SQL at a site and print the result.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An immediate query must finish within about 30 seconds and return at most 8 MB; --async has no such limits and shows each state change on standard error. Following an async query ends at --timeout, and in any case at the query's own deadline: its maximum time in queue, the 5-minute execution limit and the upload, with a margin. Output parameters are printed after the rows. On Production (also a --base-url on its host) a command that may change data is sent only with --confirm-production, and never while Production is read-only; a refused command is not sent at all and exits with 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>run as an async query: submit, follow its status, then fetch every page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>with --async: submit the query, print its id alone on standard output and end at once; read it later with 'query status' and 'query results'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>with --async: stop waiting after this long (e.g. 90s, 10m); the query carries on at Halo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show an async query: its state, the time spent in each state, sizes and pages.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>With --json (before the command) the query object is printed as Halo sent it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print every page of a finished async query's result.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The output is the same as 'query --async' prints. A query that has not finished says its state and the exit status is 1; so does a result that has expired (HTTP 410: Halo keeps results for about 24 hours).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show for each async query id whether Halo knows it, and its status.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One line per id: the id, found or not found, and the status. With --json (before the command) the answer is printed as Halo sent it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>one or more async query ids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read FHIR R4 resources of a Best Practice site and print them as JSON.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>REQUEST is what follows fhir/R4/, e.g. 'Patient?family=Smith&amp;_count=20', 'Patient/12', 'metadata', or a Bundle's next link. On Production a search is sent as POST RESOURCE/_search, so its values stay out of URLs and logs; elsewhere as GET. The site's status is read first: Halo Cloud offers FHIR for Best Practice practices only, so for a Zedmed or D4w site no FHIR request is sent and the exit status is 1. When a Bundle has more pages, the command for the next one is shown on standard error.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the resource, id or search, quoted for the shell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>search with GET, the search values in the URL (the default outside Production)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>search with POST RESOURCE/_search and a form body, so the search values stay out of the URL (the default on Production)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List a site's registered queries.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Register a query that the site runs every --frequency, for --duration.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prints the new registered query's id on standard output. The same guard as 'query': on Production a command that may change data needs --confirm-production, and is never sent while Production is read-only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a name to recognise it by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>how often it runs (at least 60 s); </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>how long it stays registered (at most 24 h); </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show a registered query: status, schedule, last run and counts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the latest result of a registered query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel a registered query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show or set the environment's read-only switch.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>While it is on, no command that may change data is sent to the environment, not even with --confirm-production. It is on by default for Production (and so for a --base-url on the Production host) and off elsewhere. Halo Explorer's window shows and sets the same switch. Prints on or off on standard output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on or off; without it, the switch is shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify practices in bulk: each one's authoritative install, status and identifiers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Without --sites, checks the sites saved in Halo Explorer's site list for the environment, against what was recorded when each was added. For each practice the PMS ID is looked up, the authoritative install's status is read and one verdict is given, the first that applies of: error, not-found, several-authoritative, guid-changed, offline, unreachable, name-differs, pms-version-changed; else ok. Four practices are checked at a time, with a line on standard error as each finishes. The exit status is 0 when every row is ok, 1 when any is not, and 2 when the CSV file cannot be read or its header lacks pms or pms_id (a bad row is an error row naming its line; the others are still checked). With --site, only the saved site with that Halo GUID is checked, as the window's status panel does for its Save report: 'verify --site GUID --report FILE' writes one site's evidence report; a GUID no saved site of the environment has exits 2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a CSV file with a header row and the columns pms,pms_id and optionally expected_guid,expected_name; pms is Best Practice, Zedmed or D4w</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>check only the saved site with this Halo GUID (from Halo Explorer's site list for the environment)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>table (the default), csv (RFC 4180, the JSON field names as the header) or json (one object per row with pms, pms_id, expected_guid, guid, verdict, practice_name, recorded_name, pms_version, halo_link_version, availability, heartbeat_age_seconds and message; the default with --json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>also write the evidence: a self-contained HTML page (JSON when FILE ends in .json) with who, when, the environment, each row's identifiers recorded and now, its verdict and the requests made (method, path, status, timing, a number per request and the server's request id when it gives one); never the key, never patient data</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::FhirCommand</name>
        <message>
            <source>--get and --post exclude each other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--post needs a search on a resource type, like 'Patient?family=Smith', not '%1'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Query it with SQL instead: halo-cli query %1 SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More results: halo-cli %1 fhir %2 '%3'</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::KeyCommands</name>
        <message>
            <source>the sandbox's key is made for each run and never stored; choose --environment production or stage, or --base-url</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste the %1 subscription key and press Enter: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No key on standard input; nothing was saved. Pipe it in, for example: printf '%s' "$KEY" | halo-cli %1 key set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No keychain is available, so the key was not saved. Start the desktop's keychain (Secret Service), or set HALO_KEY instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note: HALO_KEY is set, and it is used instead of the keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved the %1 key in the keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The %1 key is no longer in the keychain.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::QueryCommand</name>
        <message>
            <source>the SQL is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--timeout: '%1' is not a time like 90s or 10m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--timeout needs --async (an immediate query ends within about 30 s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--submit-only needs --async (an immediate query answers at once)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::QueryOptions</name>
        <message>
            <source>--%1 %2: '%3' is not a SqlDbType (one of %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reader (rows; the default), nonQuery (rows affected) or scalar (one value)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text (the default: SQL text) or storedProcedure (SQL is the procedure's name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an input parameter, e.g. --param @id:Int=66; TYPE is a SqlDbType name (Int, NVarChar, Date, Bit, ...; any case) and VALUE must fit it. Repeat for more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an output parameter, e.g. --out-param @total:Int or @name:NVarChar:100 (SIZE in bytes); its value is printed after the rows. Repeat for more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the database to run in (default: the site's default catalogue)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>how long the query may wait at the site before it starts, in milliseconds: 0 to 60000 (default 30000), with --async 0 to 7200000 (default 3600000)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>send to Production a command that may change data (anything but one plain SELECT: nonQuery, a stored procedure, several statements, a write keyword). Without it such a command is not sent; while Production is read-only (the default; see 'halo-cli read-only') it is not sent even with it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--param '%1' is not NAME:TYPE=VALUE (e.g. @id:Int=66)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--param %1: '%2' is not a valid %3 value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--out-param '%1' is not NAME:TYPE[:SIZE] (e.g. @total:Int)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--out-param %1: the size '%2' is not a positive number of bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--max-time-in-queue: '%1' is not a number of milliseconds from 0 to %2%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (more with --async)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::QueryOutput</name>
        <message>
            <source>Note: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows affected: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output parameters:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::RegisteredCommands</name>
        <message>
            <source>The site has no registered queries.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last success</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--name is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--frequency: '%1' is not a time like 300, 5m or 1h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--duration: '%1' is not a time like 3600, 90m or 24h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the SQL is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered '%1': every %2 for %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last failure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last run took</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last hash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled registered query %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::SafetyCommands</name>
        <message>
            <source>'%1' is not on or off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read-only for %1 is on: no command that may change data is sent there. 'halo-cli %2 read-only off' lifts it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read-only for %1 is off: a command that may change data is sent with --confirm-production.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read-only for %1 is off.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::SiteCommands</name>
        <message>
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 changed: recorded “%2”, now “%3”. %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--pms-id is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No %1 site has PMS ID %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authoritative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last heartbeat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 sites share this PMS ID; only the authoritative one answers queries.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Catalogues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last update from the site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details read from the practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name at install</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This install is not authoritative: queries to it are refused (403). Find the one that is: halo-cli %1 site reresolve %2 --pms-id %3 --pms %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was changed: halo-cli keeps no site list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm with the practice that it is the same practice before you use the new GUID. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paired with %1 (%2, PMS ID %3). Halo GUID: %4</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::VerifyCommand</name>
        <message>
            <source>--site needs a Halo GUID, e.g. 3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved site %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no saved site of %1 has the Halo GUID %2; add it in Halo Explorer, or verify it with --sites and a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--site and --sites cannot be used together</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the saved sites cannot be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved sites (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--report needs a file in a folder that exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sites to verify in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report was not written: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report written to %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Cli::VerifyOutput</name>
        <message>
            <source>PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heartbeat age (s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>[%1/%2] %3 (%4): %5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no PMS ID</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CopyAsButton</name>
        <message>
            <source>Copy &amp;as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the request as code for your own program; the key is read from the HALO_KEY environment variable, never copied</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EnvironmentBanner</name>
        <message>
            <source>Environment banner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production: queries reach live practice databases.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExplorerSession</name>
        <message>
            <source>Site list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1

Sites cannot be added or changed until the file is repaired or moved away.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the %1 key from the keychain…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No subscription key for %1: nothing can be sent. Use Connection → Set subscription key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget subscription key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the %1 subscription key from the keychain?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key was removed; nothing can be sent until a new one is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sandbox could not start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting the sandbox…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox listening on %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportRunner</name>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exporting %n row(s)…</source>
            <translation>
                <numerusform>Exporting %n row…</numerusform>
                <numerusform>Exporting %n rows…</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export progress</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirCapabilitiesBar</name>
        <message>
            <source>Refresh c&amp;apabilities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR capabilities problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR capabilities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh capabilities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reads the site's CapabilityStatement (metadata) again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site's capabilities are read when this tab is shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the site's CapabilityStatement…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This site's capabilities are not known: types and parameters can still be typed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The answer to metadata was not a CapabilityStatement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capabilities unreadable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The capabilities could not be cached (%1); they are used for now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(version not stated)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>version %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 resource type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 resource types</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>read %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirIssuesView</name>
        <message>
            <source>Fatal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Information</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR issues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the server says</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirNavigator</name>
        <message>
            <source>Asking %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (page %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetching page %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asking again for %1…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirQueryBar</name>
        <message>
            <source>Use &amp;POST</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR query problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the previous answer (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward again (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Patient?family=Smith&amp;birthdate=ge1970-01-01, Patient/1, Patient/1/$summary, metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent FHIR queries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queries sent to this site (the query only: answers are never kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use POST</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>POST {type}/_search with the values in a form-encoded body, so they stay out of URLs and server logs. On by default for Production.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends the query line: a search, a read or an operation (Enter in the line, or Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Query:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to go back to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forward to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to go forward to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (at character %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This query cannot be sent as it is</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It can still be sent, to see what the server says.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends POST %1/_search: the search values go in the request body, not the URL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends GET: the search values are part of the URL, where proxies and server logs can see them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends GET %1 (reads and operations are always GET).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No queries sent to this site yet</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirQueryForm</name>
        <message>
            <source>e.g. ge1970-01-01 (prefix eq ne gt lt ge le)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>code, or system|code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Patient/1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. gt10</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>value (a comma means “or”)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add parameter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Call operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR resource type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resource types this site lists in its CapabilityStatement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page size (_count)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>server default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>_count: entries per page; the server may send fewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add parameter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resource id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>id, e.g. 1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read by id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reads one resource: GET {type}/{id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operations this site lists for the type; with an id they are called on that resource, e.g. Patient/1/$summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resource &amp;type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page si&amp;ze:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modifier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resource &amp;id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>O&amp;peration:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$%1 (whole server)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none listed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search parameter %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modifier %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove parameter %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove this parameter</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirResourceView</name>
        <message>
            <source>Reference to %1: press Enter or double-click to follow it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy pa&amp;th</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F&amp;ollow reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xpand all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colla&amp;pse all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save reso&amp;urce…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resource JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Raw resource JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find in JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find in JSON (Enter: next, Shift+Enter: previous)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resource view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tree</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;JSON text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copies the selected value (Ctrl+C in the tree)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copies the selected node's path, e.g. Patient.name[0].family (Ctrl+Shift+C in the tree)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expand all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Collapse all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save resource</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saves what this view shows as a JSON file. Nothing is saved unless you ask.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Text hidden in privacy mode (%n character(s)).</source>
            <translation>
                <numerusform>Text hidden in privacy mode (%n character).</numerusform>
                <numerusform>Text hidden in privacy mode (%n characters).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>JSON text hidden in privacy mode (%n character(s)); the tree shows it with patient data hidden.</source>
            <translation>
                <numerusform>JSON text hidden in privacy mode (%n character); the tree shows it with patient data hidden.</numerusform>
                <numerusform>JSON text hidden in privacy mode (%n characters); the tree shows it with patient data hidden.</numerusform>
            </translation>
        </message>
        <message>
            <source>This copies %1, hidden in privacy mode.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>This copies %1 with %n value(s) hidden in privacy mode.</source>
            <translation>
                <numerusform>This copies %1 with %n value hidden in privacy mode.</numerusform>
                <numerusform>This copies %1 with %n values hidden in privacy mode.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the text… %1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show in SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a SQL editor on this patient's row and run it</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirResultsPanel</name>
        <message>
            <source>◀ P&amp;revious page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Next page ▶</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Whole response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save respo&amp;nse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR result summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show whole response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows the whole answer (the Bundle itself) in the JSON view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save response</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saves the whole answer as a JSON file. Nothing is saved unless you ask.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundle (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 match in total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 matches in total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>page %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 entry shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 entries shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1/%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OperationOutcome: 1 issue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>OperationOutcome: %1 issues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a FHIR answer: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No answer yet: build a query above and press Search.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FhirTab</name>
        <message>
            <source>FHIR request problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR browser</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FHIR not available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the SQL tab to query it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which resource?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the id of the resource to read, e.g. 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not in this answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 names an entry that this Bundle does not hold.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference outside this site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not on this site's FHIR base (%2): following it would send the subscription key to another server, so it is not followed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the reference and open it with a tool meant for that server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save FHIR JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: patient data stays hidden.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>This saves the whole answer (%n entry(s)) with the patient data hidden on screen.</source>
            <translation>
                <numerusform>This saves the whole answer (%n entry) with the patient data hidden on screen.</numerusform>
                <numerusform>This saves the whole answer (%n entries) with the patient data hidden on screen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This saves the whole answer (%n entry(s)) with the patient data hidden on screen (%1, and all the rest of each resource).</source>
            <translation>
                <numerusform>This saves the whole answer (%n entry) with the patient data hidden on screen (%1, and all the rest of each resource).</numerusform>
                <numerusform>This saves the whole answer (%n entries) with the patient data hidden on screen (%1, and all the rest of each resource).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This saves %1 with %n value(s) hidden in privacy mode.</source>
            <translation>
                <numerusform>This saves %1 with %n value hidden in privacy mode.</numerusform>
                <numerusform>This saves %1 with %n values hidden in privacy mode.</numerusform>
            </translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose another folder; an existing file was left as it was.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied as %1; set HALO_KEY before running it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FilterHeader</name>
        <message>
            <source>Column filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One filter per column: a row is shown when each column contains its filter's text, ignoring case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter column %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show rows whose %1 contains this text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sorting by %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (sorting…)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo</name>
        <message>
            <source>Could not create the folder %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::AnswerReading</name>
        <message>
            <source>the answer is broken JSON (%1 at byte %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the answer is JSON but not an object</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the answer has no usable “%1”</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::ApiCall</name>
        <message>
            <source>overall deadline of %1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server redirects in a loop (%1 redirects from %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 MB limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the compressed answer could not be unpacked (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the answer ended after an interim status %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server redirects in a loop (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the answer stopped arriving after %1 bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 bytes arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 bytes arrived</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::ApiError</name>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the answer is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the answer is not JSON — a proxy or portal page? It begins “%1”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database rejected the query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The result is too large for an immediate query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The query waited too long in the queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The query could not start at the site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The query failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The FHIR server reported a problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not reach Halo Cloud</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No answer in time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secure connection failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redirected to another host</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The answer is too large</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The answer was cut off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bad request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong key or wrong environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Results no longer available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rate limit reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud had an internal error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice software answered unexpectedly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site unreachable or query too slow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP error %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL Server reported an error in the query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Firebird reported an error in the query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link hit an unexpected error while transferring the query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site could not complete the query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice's FHIR facade could not answer this request.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection could not be made (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud did not answer within the time allowed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server's certificate or the TLS handshake failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server asked to continue at %1. Following it would send the subscription key to another host.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request was cancelled before it completed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection was lost after the query was sent, so it may or may not have run. It was not sent again, because that could run it twice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The answer is larger than Halo Explorer accepts (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The answer does not match the Halo Cloud API description: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only part of the answer arrived: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud rejected the request as invalid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The subscription key is missing, wrong, or belongs to another environment (Production keys do not work on Stage, and the reverse).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud refused access: your IP address may not be allowed, the site may not be paired, or this Halo GUID is no longer authoritative for the practice (after a reinstall or server move).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site, query or resource does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Async results are cached for about 24 hours; these have expired.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Immediate query results are limited to 8 MB.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many requests; Halo Cloud asks to wait %1 s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many requests in a short time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something failed inside Halo Cloud.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice management software returned an unexpected result.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice's server could not be contacted; it may be switched off or offline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site went offline during the request, or the query took longer than about 30 seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud answered with HTTP status %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check that the site is online, then run the query again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run it again with a longer maximum time in queue, or when the site is less busy.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the query again; narrow it if it keeps failing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Narrow the query, or run it as an async query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Correct the SQL and run it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again later; contact Halo support if it persists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again later, or run it as an async query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the resource type and search parameters against the site's CapabilityStatement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the network, proxy settings and the base URL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again; for long queries use an async query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the system clock, proxy and certificates; Halo Explorer never ignores certificate errors.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the base URL; use the address the redirect points to if you trust it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the site's recent queries before running it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Narrow the query or fetch the results page by page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look at the request log for the exact answer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again; if it keeps happening, a proxy or the network is cutting answers short.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Correct the request and send it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check that the key is for this environment, or set it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-resolve the Halo GUID from the practice's PMS ID; if it has not changed, check pairing and your IP allow-list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the Halo GUID or id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the query again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wait a little and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the pairing details with the practice and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again later, or ask the practice whether the server is on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try again later, or run the query as an async query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1 — %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::AsyncQueryRunner</name>
        <message>
            <source>async query %1 did not end within %2 s: its maximum time in queue, the execution limit and the upload, with a margin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it has %1 columns where page %2 had %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its column %1 is “%2” where page %3 had “%4”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>result page %1 of query %2 does not have the columns of page %3 (%4), so the pages cannot be put together into one table</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::AsyncQueryService</name>
        <message>
            <source>“%1” is not a Halo query id (a UUID), so it was not asked for</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::BatchStatusCall</name>
        <message>
            <source>an entry of “results” is not a query status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::BuildInfo</name>
        <message>
            <source>%1 (built with %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operating system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(set when the sandbox starts)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::CreateRegisteredCall</name>
        <message>
            <source>the registered query was sent, but the answer has no usable id (“%1”); look for it in the list before creating it again</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::Environment</name>
        <message>
            <source>Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (Production host)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown environment '%1' (use production, stage, sandbox or custom)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--sandbox contradicts --environment %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>'%1' is not an http(s) URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--base-url implies the custom environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the custom environment needs --base-url</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::FhirCall</name>
        <message>
            <source>the answer is JSON but not a FHIR resource</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::FhirEntryTableModel</name>
        <message>
            <source>empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birth date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Medicare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>IHI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provider number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Substance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Criticality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::FhirJsonTreeModel</name>
        <message>
            <source>{1 member}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{%1 members}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>[1 item]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>[%1 items]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::FhirService</name>
        <message>
            <source>POST needs a search on a resource type, like 'Patient?family=Smith', not '%1'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no FHIR API.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud offers FHIR R4 for Best Practice (Bp Premier) practices only; this practice runs %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the FHIR request is empty</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::GuidReResolver</name>
        <message>
            <source>This site has no recorded PMS ID, so its Halo GUID cannot be looked up again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This site has no recorded PMS type, so PMS ID %1 cannot be looked up again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking up PMS ID %1 failed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The PMS ID still resolves to this GUID; the 403 has another cause: check pairing and your IP allow-list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site %1 is no longer in the site list, so it was not updated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site list could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test query failed: %1 %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test query did not succeed (status %1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test query ran but returned no row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test query succeeded: %1 returned %2 = %3 in %4 ms.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::HaloApiClient</name>
        <message>
            <source>%1 is not the base URL the subscription key was given for (%2); nothing was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is plain HTTP: the subscription key would cross the network unencrypted, so nothing was sent. Use https://, or allow plain HTTP to this base URL explicitly.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No subscription key for %1 — set one first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::HeartbeatText</name>
        <message>
            <source>never heard from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard just now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard 1 second ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard %1 seconds ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard 1 minute ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard %1 minutes ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard 1 hour ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard %1 hours ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard 1 day ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last heard %1 days ago</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::KeyStore</name>
        <message>
            <source>The Sandbox's key is generated for each run and is never stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A Custom environment needs its http(s) base URL (scheme, host and port) before its key can be stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no keychain service on this system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no Secret Service on the session bus</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot reach the D-Bus session bus</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No keychain is available (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key will be kept in memory for this run only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the key to use it now; it will be kept in memory for this run only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No stored key could be removed; start the keychain and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The keychain is locked or refused access. Unlock it (for example in Passwords and Keys) and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The keychain did not answer in time. It may be waiting to be unlocked, or busy with an earlier request; unlock it if asked and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be read from the keychain (%1). Try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be saved in the keychain (%1). Try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be removed from the keychain (%1). Try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::OtherEnvironmentsRefresh</name>
        <message>
            <source>a sandbox's key exists only in the session that started it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its base URL is not an http(s) address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is plain HTTP off this machine; connect to it to consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no subscription key is saved for it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its key could not be read: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::QueryHistory</name>
        <message>
            <source>The query history was not saved. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Successful</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed in the database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expired in the queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploading results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not start at the site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the query history %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a query history this program can read; it is left as it is and no new queries are recorded.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::RegisteredListCall</name>
        <message>
            <source>an entry of “registeredQueries” has no id</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::RegisteredQueryListModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frequency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not start (cache error)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not yet</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::RequestLogModel</name>
        <message>
            <source>%1 bytes sent, %2 bytes received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 / %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempt %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bytes (sent / received)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::ResultDecoder</name>
        <message>
            <source>a string is not UTF-8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 at byte %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unexpected character</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a comma</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a quoted key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>control character inside a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unterminated string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a colon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nested too deeply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid escape in a string</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>invalid number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data was JSON text inside a JSON string.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data was base64 inside a JSON string.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened the page envelope and decoded its base64 data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data holds %1 tables (%2); showing %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an object without columns, rows or a table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data is not UTF-8 text, so it is shown as bytes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The result holds no data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>more text after the value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data is not a JSON table (%1), so it is shown as it came.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data is not base64; it was read as JSON text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data is not valid base64, so it is shown as it came.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rows are not all objects or all arrays</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a column is neither a name nor an object</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::ResultExport</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SafetyPolicy</name>
        <message>
            <source>Turn off “Read-only for %1” to send it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is read-only, and this query may change data (%2). %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 needs confirmation before this query reaches the practice “%2”: it may change data (%3). %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm sending it when asked.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SchemaCache</name>
        <message>
            <source>Could not create the folder %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SchemaDialect</name>
        <message>
            <source>The answer to the catalogue query has no %1, %2 and %3 columns: it is not a schema.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SchemaReader</name>
        <message>
            <source>Choose a site first: the schema is read from the selected site.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No subscription key: add the key for this environment to read the schema.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The catalogue query ended %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteCalls</name>
        <message>
            <source>no site in the answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no “sites” list in the answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an entry of “sites” is not a site</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteCandidatesModel</name>
        <message>
            <source>Not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — not the expected name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authoritative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not authoritative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not authoritative: an older install, backup or secondary server. Queries to it are refused (403).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice name differs from the expected “%1”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteInfo</name>
        <message>
            <source>Online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unreachable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteListModel</name>
        <message>
            <source>Unreachable (no answer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label: %1 (recorded as %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not read yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last heard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 (%n site(s))</source>
            <translation>
                <numerusform>%1 (%n site)</numerusform>
                <numerusform>%1 (%n sites)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Halo::SiteRecord</name>
        <message>
            <source>Halo did not report this detail now, so it could not be checked against the record.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice database reports a different name. A changed name can mean a merger, a split, a rebrand — or that this GUID now points at another practice. Confirm with the practice before trusting it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice management software reports a different version. This is usually an upgrade at the practice and is expected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link has been updated since the site was recorded. This is expected.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteReportRunner</name>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved site %1 (%2)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteService</name>
        <message>
            <source>Halo knows no install of it: check the PMS ID and PMS type with the practice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo knows %1 of it and none is authoritative: the new install may still be starting up. Try again later, or contact Halo support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>one install</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 installs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No authoritative install of PMS ID %1 was found. %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo reports %1 authoritative installs of PMS ID %2; which one is the practice cannot be told from here. Contact Halo support.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo answered the lookup of PMS ID %1 with an invalid Halo GUID ("%2").</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID %1 is still the authoritative install of PMS ID %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID %1 is not the authoritative install of PMS ID %2; the authoritative install is %3.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteStore</name>
        <message>
            <source>Could not read %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a valid site list: %2 at offset %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a site list: it has no version number or no list of sites.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a site list of version %2; this program reads version %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the environment must be production, stage, sandbox or custom.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a custom site needs the http or https address of its service.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the Halo GUID must have the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the PMS type must be BestPractice, Zedmed or D4w.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the PMS ID is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not an object.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it appears twice in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site %1 in %2 is not valid: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site was not added: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site %1 is already in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site %1 is not in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site was not changed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No site was chosen to remove.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no removal to undo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site list at %1 could not be read and was left untouched, so changes cannot be saved. Repair or move the file, then open the program again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SiteVerification</name>
        <message>
            <source>%1: recorded “%2”, not reported now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: recorded “%2”, now “%3”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The authoritative install is offline (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The authoritative install is unreachable (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID %1 is the authoritative install of PMS ID %2 and its identifiers are as expected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also: %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SnippetStore</name>
        <message>
            <source>Patients named Smith (sample schema)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severe allergies (sample schema)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active patients (Best Practice view)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tables in this database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server time (Firebird)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patients per practitioner (sample schema)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First 10 patients (Zedmed table)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Firebird engine version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tables in this database (Firebird)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patients by surname (sample schema)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appointments per practitioner (sample schema)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database name and server time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The snippets were not saved. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the snippets %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a snippet file this program can read; it is left as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the snippet a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no SQL to save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is the name of a built-in example, which cannot be changed. Choose another name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is a built-in example and cannot be deleted.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SqlEditorSession</name>
        <message>
            <source>The SQL editors of the last session could not be read from %1: %2. The file is left as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a file of SQL editors this version understands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The SQL editors were not saved. %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::SubmitAsyncCall</name>
        <message>
            <source>the query was sent, but the answer has no usable query id (“%1”); look for it in the site's recent queries before running it again</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::VerificationCsv</name>
        <message>
            <source>a double quote inside a field that is not quoted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text after the closing double quote of a field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a double quote that is never closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 fields where the header has %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the PMS is empty (Best Practice, Zedmed or D4w)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is not a PMS (Best Practice, Zedmed or D4w)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the PMS ID is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is not a Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the file is empty: it needs a header row with pms and pms_id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the header row: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the header row has no %1 column (it needs pms,pms_id and may add expected_guid,expected_name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved site %1: “%2” is not a PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved site %1: no PMS ID was saved</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::VerificationReport</name>
        <message>
            <source>Line %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s ago (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (%1 attempts)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>request log #%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expected or recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last heard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server request id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo site verification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sites from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 checked of %2; %3 ok, %4 need attention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Explorer version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The run was stopped before every row was checked: only the rows below were checked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice name now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests are shown without their headers: the subscription key is never part of this report.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::VerificationResultsModel</name>
        <message>
            <source>waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Practice name now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expected or recorded name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last heard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Halo::WriteGuard</name>
        <message>
            <source>it runs as a nonQuery, the mode for INSERT, UPDATE and DELETE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it calls the stored procedure “%1”, which may change data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a comment or quoted text in it never ends, so it cannot be read safely</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a comment in it opens another comment, which database engines read differently, so it cannot be read safely</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it holds %1 statements, not one plain SELECT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it contains %1, which can change data or start another statement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it holds more than one SELECT statement, not one plain SELECT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>it is not a plain SELECT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This query goes to %1, to the live database of the practice “%2”.

It may change data: %3.

Send it to %2 on %1?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent: %1 is read-only, and this query may change data (%2). Turn off “Read-only for %1” to send it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HeartbeatMenu</name>
        <message>
            <source>%1 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Heartbeat warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amber after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Red after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Report a Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the versions and the environment in use (never the key), to paste into a problem report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Halo Explorer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Display platform</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied the versions and the environment in use to the clipboard, to paste into a problem report. The subscription key is not in it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>Immediate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Async</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Query history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs the selected query again (Enter or double-click).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The query history could not be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The query was not added to the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget every query run on this site? This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm clear history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The history was not cleared</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyDialog</name>
        <message>
            <source>Show key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subscription key — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subscription key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The subscription key for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Subscription key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the subscription key for %1 (%2). Halo Explorer keeps it in the operating system's keychain and sends it only in the request header. A key belongs to one environment: Production keys do not work on Stage, and the reverse.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is Production: queries sent with this key reach live practice databases.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing the key against %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key works: %1 (%2) accepted it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving the key in the keychain…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Site tabs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;QL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;FHIR</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site of another environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;witch environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Switch to the site's environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy mode on: patient data is hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy mode off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add site…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Include every &amp;environment with a key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh the availability of saved sites in every environment whose key is in the keychain, not only the one in use</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Refreshing the availability of %n site(s) in %1…</source>
            <translation>
                <numerusform>Refreshing the availability of %n site in %1…</numerusform>
                <numerusform>Refreshing the availability of %n sites in %1…</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 not refreshed: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify sites…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks every saved site of this environment: its authoritative install, status and identifiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import sites…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export sites…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set subscription &amp;key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Forget subscription key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep query &amp;history for this environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record the SQL and FHIR queries you run on this environment in its query history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Privacy mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy mode (Ctrl+Shift+P): hide names, dates of birth, addresses and other patient data on screen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Auto-refresh availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every %1 seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every %1 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox (local)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom base URL…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which Halo Cloud environment requests go to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Main</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More toolbar actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> Environment: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base URL of the Halo Cloud service (for example a proxy):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Explorer — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — Privacy mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (Production)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh: sends requests to Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh the selected site and the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 — %3 in %4 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 — %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a site of %2; Halo Explorer is connected to %3. Switch to query it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site lists and CSV files (*.json *.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site lists (*.json);;CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %n site(s) to %1</source>
            <translation>
                <numerusform>Exported %n site to %1</numerusform>
                <numerusform>Exported %n sites to %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Patient %1 has no row this site's SQL can find.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ParametersTable</name>
        <message>
            <source>Parameter direction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameter type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameter size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add parameter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove parameter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parameters of the command: name, direction, type, value, NULL and size.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Direction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NULL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add parameter</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PatientLinkActions</name>
        <message>
            <source>Open FHIR Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patient id columns…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open this patient in the FHIR tab (Ctrl+click, or Ctrl+Shift+F on the current cell)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patient id columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result columns that hold the patient's internal id, separated by commas (case and underscores do not matter; empty restores %1):</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlainHttpConsent</name>
        <message>
            <source>Plain HTTP</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is plain HTTP and not on this machine: the subscription key would cross the network unencrypted, readable by anyone on the way.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use an https:// base URL if the service offers one. Send the key over plain HTTP to %1 only if you trust every network between here and there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow plain HTTP to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allow plain HTTP</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use this base URL</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProblemLabel</name>
        <message>
            <source>HTTP %1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud says: “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProductionMarker</name>
        <message>
            <source>Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends to Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production: this reaches a live practice.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueryOptionsBar</name>
        <message>
            <source>Execution mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Catalogue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As&amp;ync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returns rows (SELECT).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returns the number of rows affected (INSERT, UPDATE, DELETE).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returns the first value of the first row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The text is SQL.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The text names a stored procedure (experimental at Halo).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reader returns rows, nonQuery rows affected, scalar one value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>text runs SQL; storedProcedure calls the procedure named in the text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database (catalogue) at the site to run the query in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max time in queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How long the query may wait at the site before it runs; the lowest value leaves it to Halo's default (30 s immediate, 1 h async)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Async</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Submit as an async query: no 8 MB or 30 s limit, results in pages, kept about 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Mode:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Catalogue:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max time in &amp;queue:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(site default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(default: %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (default)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n catalogue(s) at this site</source>
            <translation>
                <numerusform>%n catalogue at this site</numerusform>
                <numerusform>%n catalogues at this site</numerusform>
            </translation>
        </message>
        <message>
            <source>The site's catalogues are not known yet: type a name or use the default.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReResolveDialog</name>
        <message>
            <source>Re-resolve Halo GUID from PMS ID %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-resolve Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-resolve progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking up PMS ID %1 (%2) again…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identity differences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice &amp;confirmed this is the same practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The practice confirmed this is the same practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Update result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test query result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the new GUID for this site and send a test query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Old and new GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Old (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New (found now)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (old)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (new)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 difference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚠ Changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo's authoritative install of PMS ID %1 has a different Halo GUID. Compare the two before updating the site.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;⚠ The secondary identifiers changed too.&lt;/b&gt; The new GUID may belong to a different practice. Contact the practice or Halo support; update only once the practice confirmed it is the same practice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: recorded “%2”, now “%3”.&lt;br&gt;%4&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;br&gt;Halo said: “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;br&gt;&lt;b&gt;Next step:&lt;/b&gt; %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Not updated:&lt;/b&gt; the identifiers changed, so tick “The practice confirmed this is the same practice” first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updated: the site now uses Halo GUID %1. Earlier GUIDs are kept with the site: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running the test query (%1)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✔ %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✖ %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecentAsyncPanel</name>
        <message>
            <source>Submitted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No async queries on this site in the last 24 hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reopen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent async queries problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent async queries panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent async queries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Results kept until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recent async queries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reopen async query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Picks the query up again: its status and, while Halo keeps them, its results (Enter or double-click).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget async query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removes it from this list; the query at Halo is not affected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh recent async queries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>about %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(SQL not kept: no history here)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove this query from the list? Its results cannot be reopened here afterwards; the query at Halo is not affected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm forget async query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The query was not removed from the list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegisteredQueriesPanel</name>
        <message>
            <source>Registered queries panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel registered query request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered queries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh registered queries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered queries run on the practice's server on a schedule; Halo keeps the latest result.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listing registered queries…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The registered query was not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm create registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create on Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do not create</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating registered query “%1”…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query “%1” created: it runs %2 for %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetching the latest results…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the registered query “%1”? Halo stops running it and it cannot be started again; create a new one to run it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is Production.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm cancel registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling registered query “%1”…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query “%1” cancelled.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegisteredQueryDetails</name>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The site said: “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last successful run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last failed run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last execution time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total result size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ended:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last success:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last failure:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last execution:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last error:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latest results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows the result of the latest successful run in the grid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latest results count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, for %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 succeeded, %2 failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a registered query to see its details.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln row(s) from the latest successful run</source>
            <translation>
                <numerusform>%Ln row from the latest successful run</numerusform>
                <numerusform>%Ln rows from the latest successful run</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegisteredQueryForm</name>
        <message>
            <source>New registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Today's appointments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frequency in seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frequency in hours and minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration in seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration in hours and minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query execution mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reader (rows)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scalar (one value)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Non-query (rows affected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered query SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The SQL to run on each occasion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create registered query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create registered query problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frequency:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mode:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the registered query a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The frequency is %1 seconds; Halo runs registered queries at most once a minute, so it must be at least %2 seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The duration is %1; a registered query can run for at most 24 hours (%2 seconds).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the SQL the registered query runs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportFile</name>
        <message>
            <source>no temporary folder to print in: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo site verification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the report could not be printed to PDF: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the report could not be printed to PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTML report (*.html);;JSON report (*.json);;PDF report (*.pdf)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RequestLogView</name>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Body hidden in privacy mode (%1 bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started %1, attempt %2, %3 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request headers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response: HTTP %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response: none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response headers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response body (first %1 of %2 bytes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Response body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy as cURL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exchange details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select an exchange to see its headers and bodies.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by time, method, URL, status or outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the selected request as a cURL command; it reads the subscription key from $HALO_KEY.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This copies the request body (%1 bytes), hidden in privacy mode.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied; set HALO_KEY before running it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultGrid</name>
        <message>
            <source>Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy with column names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This copies %1 values from %2 hidden columns (%3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter this column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copying %1 cells…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Query results. Ctrl+C copies the selected cells with their column names; Ctrl+Shift+L filters the current column.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultSummary</name>
        <message>
            <source>Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL execution time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows affected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sqlExecutionDuration: time the database spent on the query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL execution:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows affected:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timeline:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NULL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 of %3 fetched)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RevealConsent</name>
        <message>
            <source>Reveal hidden values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy mode is on: these values are hidden on screen. Reveal them anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reveal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reveal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keep hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep hidden</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SchemaModel</name>
        <message>
            <source>NULL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>NOT NULL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>view</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>table</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n column(s)</source>
            <translation>
                <numerusform>%n column</numerusform>
                <numerusform>%n columns</numerusform>
            </translation>
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nullable</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SchemaPanel</name>
        <message>
            <source>Schema problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter schema</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter tables and columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh schema</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask the practice for its tables and columns (an async query)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schema age</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schema</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tables and their columns. Enter or double-click inserts the name into the editor; the context menu offers the table's first rows; Ctrl+C copies.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The schema was read but could not be kept for next time: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The schema could not be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The schema shown is the one read before.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a site first: the schema is read from the selected site.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read schema</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the schema from the practice…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a site to see its schema.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not read yet: Read schema asks the practice for its tables.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read less than a minute ago (%1)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Read %n minute(s) ago (%1)</source>
            <translation>
                <numerusform>Read %n minute ago (%1)</numerusform>
                <numerusform>Read %n minutes ago (%1)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read %n hour(s) ago (%1)</source>
            <translation>
                <numerusform>Read %n hour ago (%1)</numerusform>
                <numerusform>Read %n hours ago (%1)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read %n day(s) ago (%1)</source>
            <translation>
                <numerusform>Read %n day ago (%1)</numerusform>
                <numerusform>Read %n days ago (%1)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n table(s)</source>
            <translation>
                <numerusform>%n table</numerusform>
                <numerusform>%n tables</numerusform>
            </translation>
        </message>
        <message>
            <source>Schema actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insert name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteCandidatesPanel</name>
        <message>
            <source>Candidates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The installs Halo Cloud returned; the authoritative one first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Candidates note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I understand this install is not authoritative; queries will be refused (403)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm non-authoritative install</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ca&amp;ndidates:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n installs share this PMS ID. Only the authoritative one answers queries; choose it unless you know otherwise.</source>
            <translation>
                <numerusform>%n installs share this PMS ID. Only the authoritative one answers queries; choose it unless you know otherwise.</numerusform>
                <numerusform>%n installs share this PMS ID. Only the authoritative one answers queries; choose it unless you know otherwise.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose the practice to save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is not the practice name you expected (“%2”). Check with the practice before saving.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteDetailsEditor</name>
        <message>
            <source>Site details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save &amp;details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded practice name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your name for this site (the list shows it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes (Ctrl+Return saves)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags, separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save site details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>La&amp;bel:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>N&amp;otes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ta&amp;gs:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteListNotice</name>
        <message>
            <source>&amp;Undo remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site list notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss notice</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteListPanel</name>
        <message>
            <source>Needs a&amp;ttention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by name, label, tag, PMS ID or GUID (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needs attention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only sites with a mark: offline or unreachable, not authoritative, changed since onboarding, or not heard from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected sites from the list (Delete); Ctrl+Z puts them back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport selected sites…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed %1. Undo (Ctrl+Z) puts it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed %1 sites: %2. Undo (Ctrl+Z) puts them back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The removed site is back in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The %1 removed sites are back in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export selected sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site lists (*.json);;CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %n site(s) to %1.</source>
            <translation>
                <numerusform>Exported %n site to %1.</numerusform>
                <numerusform>Exported %n sites to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 was not imported: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: added %2 sites; %3 were already in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not imported:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteLookupController</name>
        <message>
            <source>Looking up %1 (%2)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking up %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pairing %1 (%2)…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteLookupForm</name>
        <message>
            <source>B&amp;y PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By G&amp;UID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;air a site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pair a site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find the site:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expected practice name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optional: flags candidates with another name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pairing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pairing code hint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS &amp;ID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;MS:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xpected practice name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo &amp;GUID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pairing &amp;code:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Look up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pai&amp;r site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pair site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bp Site ID (Bp Premier: Help → About)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zedmed Database ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centaur customer reference number (D4W: Help → About)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a valid Halo GUID: expected 8-4-4-4-12 hexadecimal digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required for Best Practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required for Best Practice: the practice generates it in Bp Premier.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not needed: %1 sites pair without a code.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteReportSaver</name>
        <message>
            <source>Save report</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SiteStatusPanel</name>
        <message>
            <source>Not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialising — Halo Link is still being set up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed — this install has been removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uninstalled — Halo Link was uninstalled from this server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes — integrations may connect to this install</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No — another install now serves this practice; queries to this GUID are refused (403)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo has not heard from Halo Link: queries fail until the practice's server is back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link has not answered lately: immediate queries may time out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access refused notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access refused message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch the site's status again (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-resolve from &amp;PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-resolve from PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Look the practice's PMS ID up again to find its current Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Availability</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authoritative:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authoritative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo GUID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PMS type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Catalogues:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Catalogues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details read from the practice:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details read from the practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last update from the site:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last update from the site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (recorded)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 difference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secondary identifiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identity differences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetching the status…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not fetch the status at %1; the values below are from the last successful fetch.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not fetch the status at %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status as of %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;This install is not authoritative for the practice.&lt;/b&gt; Another Halo Link install now serves PMS ID %1, so queries to this GUID are refused (403). Use &lt;b&gt;Re-resolve from PMS ID&lt;/b&gt; to find the current GUID.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Halo Cloud refused access to this Halo GUID (HTTP 403: %1).&lt;/b&gt; After a reinstall of Halo Link or a server move, the old GUID is no longer authoritative. Use &lt;b&gt;Re-resolve from PMS ID&lt;/b&gt; to look the practice up again; if the GUID has not changed, check pairing and your IP allow-list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;br&gt;Halo said: “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No site selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for Halo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 — %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚠ Changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No identifiers were recorded for this site, so there is nothing to compare with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded on %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;⚠ The identifiers differ from what was recorded:&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: recorded “%2”, now “%3”.&lt;br&gt;%4&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;br&gt;&lt;b&gt;Next step:&lt;/b&gt; %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save rep&amp;ort…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify this site and save the evidence (HTML, JSON or PDF): identifiers recorded and now, the verdict and the requests made; never the key, never patient data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verifying the site for the report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report saved to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report was not saved</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SnippetsPanel</name>
        <message>
            <source>Built-in, runs on the sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Built-in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mine, any PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only for this PMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save snippet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippet problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippets panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippet SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insert snippet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Puts the snippet's SQL into the editor (Enter or double-click).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete snippet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippet name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name for the editor's SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saves the SQL now in the editor under this name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your snippets could not be read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Built-in examples cannot be deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The snippet was not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippet “%1” replaced.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippet “%1” saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the snippet “%1”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm delete snippet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The snippet was not deleted</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SqlEditor</name>
        <message>
            <source>Find previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close find bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find in SQL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find (Enter: next, Shift+Enter: previous, Esc: close)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fi&amp;nd:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL editor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No match for “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The SQL to run. Ctrl+Enter runs all of it, Ctrl+Shift+Enter the selection; Ctrl+F finds; Ctrl+Space completes names from the schema; Ctrl+Tab leaves the editor.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SqlResultsArea</name>
        <message>
            <source>SQL Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Firebird</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run as &amp;async</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Query problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export results…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filtering…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Query status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop waiting for the query; an async query carries on at Halo and can be resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run as async</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send the same query again as an async query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the results as CSV or JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filtering results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported the results to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>hidden in privacy mode</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n byte(s) of binary data</source>
            <translation>
                <numerusform>%n byte of binary data</numerusform>
                <numerusform>%n bytes of binary data</numerusform>
            </translation>
        </message>
        <message>
            <source>The result is not a table (%1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error %1: “%2”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 error %2: “%3”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(query status %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halo Cloud says: “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run it as an async query: async results have no 8 MB or 30 s limit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This exports %1 values from %2 hidden columns (%3).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not exported: the hidden columns stay hidden.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There are no results to export yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV (*.csv);;JSON (*.json);;Excel (.xlsx) (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows shown</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln row(s)</source>
            <translation>
                <numerusform>%Ln row</numerusform>
                <numerusform>%Ln rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln row(s)</source>
            <translation>
                <numerusform>%1 of %Ln row</numerusform>
                <numerusform>%1 of %Ln rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SqlRunController</name>
        <message>
            <source>Failed after %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ran in %1 ms; decoding %2…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped after %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed after %1 ms: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>submitting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · page %1 of %2 fetched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · stopped here; the query carries on at Halo</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Ran in %1 ms: %Ln row(s) affected.</source>
            <translation>
                <numerusform>Ran in %1 ms: %Ln row affected.</numerusform>
                <numerusform>Ran in %1 ms: %Ln rows affected.</numerusform>
            </translation>
        </message>
        <message>
            <source>Ran in %1 ms: %2.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source> · %Ln row(s) affected</source>
            <translation>
                <numerusform> · %Ln row affected</numerusform>
                <numerusform> · %Ln rows affected</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SqlTab</name>
        <message>
            <source>Send to Production?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send to Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Run query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run &amp;selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SQL tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run all of the SQL (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the selected SQL, or all when nothing is selected (Ctrl+Shift+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>While on, queries that may change data are not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read-only for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is read-only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent: %1 is read-only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent: sending to %1 was not confirmed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a site first: queries run on the selected site.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a query first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a site first: the request is for one site.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied as %1; set HALO_KEY before running it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SqlWorkspace</name>
        <message>
            <source>SQL tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snippets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Async</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latest results of the registered query.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Editor tabs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New editor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open another SQL editor for this site (Ctrl+T)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Query %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schema</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusTimeline</name>
        <message>
            <source>Query timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initialising</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Executing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No timing yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 so far</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TestQueryPanel</name>
        <message>
            <source>The answer is not a table: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n byte(s) of binary data</source>
            <translation>
                <numerusform>%n byte of binary data</numerusform>
                <numerusform>%n bytes of binary data</numerusform>
            </translation>
        </message>
        <message>
            <source>The query ran and returned no rows.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 (and %n more row(s))</source>
            <translation>
                <numerusform>%1 (and %n more row)</numerusform>
                <numerusform>%1 (and %n more rows)</numerusform>
            </translation>
        </message>
        <message>
            <source>Run test query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test query problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs SELECT 1 AS ok on the saved site.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test query result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel test query</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test query was not sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send to Production?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm test query on Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send to Production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running the test query…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test query succeeded in %1 ms: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VerifySitesDialog</name>
        <message>
            <source>Verification problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify a &amp;CSV file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify sites — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks the saved sites of %1 again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A header row with pms and pms_id, and optionally expected_guid and expected_name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop verification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An HTML (JSON or PDF) record of this run: identifiers, verdicts and the requests made; never the key, never patient data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n saved site(s) of %1</source>
            <translation>
                <numerusform>%n saved site of %1</numerusform>
                <numerusform>%n saved sites of %1</numerusform>
            </translation>
        </message>
        <message>
            <source>This file cannot be verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking %1: the authoritative install of each PMS ID, its status and its identifiers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is nothing to verify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0 of %1 checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 checked, %3 ok</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped: %1 of %2 checked, %3 ok, %4 not ok</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done: %1 checked, %2 ok, %3 not ok</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report was not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report saved to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Explore the Halo Cloud API.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the embedded sandbox and connect to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment: production, stage, sandbox or custom.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base URL of a custom environment (implies custom).</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
