// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR query line: parseFhirLine on arbitrary text. A line that parses must print back
// (toLine) as a line that parses to the same request, and every view of the request must build.
#include "FuzzSupport.h"

#include "fhir/FhirCapabilities.h"
#include "fhir/FhirRequest.h"

#include <cstdint>

namespace {

using namespace Halo;
using HaloFuzz::check;

QByteArray describe(const QString &line, const FhirRequest &request)
{
    return "line: " + line.toUtf8() + "\nprinted: " + request.toLine().toUtf8();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    const QString line = QString::fromUtf8(reinterpret_cast<const char *>(bytes), qsizetype(size));

    const FhirLineParse parsed = parseFhirLine(line);
    check(parsed.request.has_value() || !parsed.error.isEmpty(), "a refused line has no reason",
          line.toUtf8());
    check(parsed.errorPosition >= -1 && parsed.errorPosition <= line.size(),
          "the error position is outside the line", line.toUtf8());
    if (!parsed.request)
        return 0;
    const FhirRequest &request = *parsed.request;
    (void)request.relativeUrl();
    (void)request.form().toString(QUrl::FullyEncoded);
    (void)request.title();
    (void)request.canPost();
    (void)fhirRequestWarnings(request, FhirCapabilities());

    const QString printed = request.toLine();
    const FhirLineParse again = parseFhirLine(printed);
    check(again.request.has_value(), "a printed line does not parse", describe(line, request));
    check(*again.request == request, "a printed line parses to another request",
          describe(line, request));
    check(again.request->toLine() == printed, "printing is not stable", describe(line, request));
    return 0;
}
