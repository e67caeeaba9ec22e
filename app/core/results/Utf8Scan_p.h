// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// UTF-8 checks and scans for the result decoder's JSON reader: checked and copied a machine word
// or 16 bytes at a time, as results run to megabytes of text.
// Included by ResultDecoder.cpp alone, in an anonymous namespace on purpose: the reader, the
// row loops and the shape detection are one translation unit, so the compiler inlines the inner
// loop as it did when they were one file (external linkage measured ~2% more instructions).
#include <QByteArrayView>
#include <QtGlobal>
#include <qalgorithms.h>

#include <cstring>
#include <string>

// SSE2 where every CPU of the target has it (x86-64; 32-bit x86 built for SSE2); elsewhere
// (ARM64: Apple Silicon, Windows on ARM) and with HALO_NO_SIMD, the portable loops alone,
// which tests build and run on x86-64 too (tst_resultdecoder_portable).
#if !defined(HALO_NO_SIMD) &&                                                                      \
    (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#include <emmintrin.h>
#define HALO_DECODER_SSE2 1
#endif

namespace Halo {

namespace {

bool isValidUtf8(QByteArrayView bytes)
{
    auto p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto end = p + bytes.size();
    while (p < end) {
        if (end - p >= 8) {
            quint64 chunk;
            std::memcpy(&chunk, p, sizeof chunk);
            if ((chunk & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t code = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            code = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            code = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            code = lead & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if ((extra == 2 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
            (extra == 3 && (code < 0x10000 || code > 0x10FFFF))) {
            return false;
        }
        p += extra + 1;
    }
    return true;
}

void appendUtf8(std::string &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

// The end of a plain run of string text: the first '"', '\\' or control character at or after
// `p`, or `end`. Sets *nonAscii when the run holds a byte of a multi-byte UTF-8 sequence.
const char *scanString(const char *p, const char *end, bool *nonAscii)
{
#ifdef HALO_DECODER_SSE2
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmpeq_epi8(_mm_max_epu8(bytes, control), control));
        const auto stopMask = quint32(_mm_movemask_epi8(stops));
        const auto highMask = quint32(_mm_movemask_epi8(bytes));
        if (stopMask != 0) {
            const quint32 at = qCountTrailingZeroBits(stopMask);
            if ((highMask & ((quint32(1) << at) - 1)) != 0)
                *nonAscii = true;
            return p + at;
        }
        if (highMask != 0)
            *nonAscii = true;
        p += 16;
    }
#endif
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20)
            return p;
        if (c >= 0x80)
            *nonAscii = true;
    }
    return end;
}

// memcmp() for the short keys of row objects, without a library call per key.
bool sameBytes(const char *a, const char *b, qsizetype count)
{
    for (; count >= 8; a += 8, b += 8, count -= 8) {
        quint64 x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y)
            return false;
    }
    for (; count > 0; ++a, ++b, --count) {
        if (*a != *b)
            return false;
    }
    return true;
}

} // namespace

} // namespace Halo
