// SPDX-License-Identifier: GPL-3.0-or-later
// Error answers: ApiError::fromResponse with an arbitrary status, Retry-After and body (the
// first three bytes of the input choose the status and the Retry-After), and every text made
// from the result. Reading the same answer twice gives the same error.
#include "FuzzSupport.h"

#include "net/ApiError.h"

#include <cstdint>

namespace {

using Halo::ApiError;
using HaloFuzz::check;

void touch(const ApiError &error)
{
    (void)error.title();
    (void)error.explanation();
    (void)error.nextStep();
    (void)error.oneLine();
    for (const Halo::FhirIssue &issue : error.issues)
        (void)issue;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    if (size < 3)
        return 0;
    // Mostly real statuses (100-599), sometimes anything.
    const int raw = (int(bytes[0]) << 8) | int(bytes[1]);
    const int status = raw & 0x8000 ? raw - 0x8000 - 1000 : 100 + raw % 500;
    const int retryAfter = int(bytes[2]) - 2;
    const QByteArray body(reinterpret_cast<const char *>(bytes + 3), qsizetype(size - 3));

    const ApiError error = ApiError::fromResponse(status, body, retryAfter);
    touch(error);
    const ApiError again = ApiError::fromResponse(status, body, retryAfter);
    check(again.kind == error.kind && again.oneLine() == error.oneLine(),
          "the same answer gives another error", body.left(200));
    check(error.httpStatus == status || error.kind != ApiError::Kind::Http,
          "an HTTP error lost its status");
    touch(ApiError::notJson(body));
    touch(ApiError::badAnswer(QString::fromUtf8(body.left(200))));
    return 0;
}
