// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Strict base64 for result data: the common case (unbroken, padded) fast, anything unusual
// through Qt's decoder. Base64Decode.cpp.
#include <QByteArray>
#include <QByteArrayView>

namespace Halo::detail {

// The decoded bytes and *ok true, or an empty array and *ok false when `text` is not base64.
// Line-wrapped (MIME style) base64 is accepted.
QByteArray strictBase64(QByteArrayView text, bool *ok);

// Whether this build decodes with SSE2 or with the portable loops alone (HALO_NO_SIMD, ARM64).
bool decoderUsesSse2();

} // namespace Halo::detail
