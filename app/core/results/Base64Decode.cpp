// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/Base64Decode_p.h"

#include "net/HugePages.h"

#include <QtGlobal>

#include <cstring>

// SSE2 where every CPU of the target has it (x86-64; 32-bit x86 built for SSE2); elsewhere
// (ARM64: Apple Silicon, Windows on ARM) and with HALO_NO_SIMD, the portable loops alone,
// which tests build and run on x86-64 too (tst_resultdecoder_portable).
#if !defined(HALO_NO_SIMD) &&                                                                      \
    (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#include <emmintrin.h>
#define HALO_DECODER_SSE2 1
#endif

namespace Halo::detail {

namespace {

// Decoding tables for one base64 quantum: the four characters' tables OR-ed together give the
// three bytes in the low bytes of a little-endian word; any other character sets kBadBase64.
constexpr quint32 kBadBase64 = 0x01000000;
struct Base64Tables {
    quint32 d[4][256] = {};
    constexpr Base64Tables()
    {
        constexpr char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int k = 0; k < 4; ++k) {
            for (int c = 0; c < 256; ++c)
                d[k][c] = kBadBase64;
        }
        for (quint32 v = 0; v < 64; ++v) {
            const auto c = static_cast<unsigned char>(alphabet[v]);
            d[0][c] = v << 2;
            d[1][c] = (v >> 4) | ((v & 0xF) << 12);
            d[2][c] = ((v >> 2) << 8) | ((v & 0x3) << 22);
            d[3][c] = v << 16;
        }
    }
};
constexpr Base64Tables kBase64;

quint32 base64Quantum(const unsigned char *in)
{
    return kBase64.d[0][in[0]] | kBase64.d[1][in[1]] | kBase64.d[2][in[2]] | kBase64.d[3][in[3]];
}

#ifdef HALO_DECODER_SSE2
// 16 base64 characters to 12 bytes (plus two spare bytes written after them). False when a
// character is not in the alphabet.
bool decodeBase64Block(const unsigned char *in, unsigned char *out)
{
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in));
    const auto between = [c](char low, char high) {
        return _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(char(low - 1))),
                             _mm_cmplt_epi8(c, _mm_set1_epi8(char(high + 1))));
    };
    // Bytes from 0x80 are negative as signed and fall in no range.
    const __m128i upper = between('A', 'Z');
    const __m128i lower = between('a', 'z');
    const __m128i digit = between('0', '9');
    const __m128i plus = _mm_cmpeq_epi8(c, _mm_set1_epi8('+'));
    const __m128i slash = _mm_cmpeq_epi8(c, _mm_set1_epi8('/'));
    const __m128i valid =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(upper, lower), _mm_or_si128(digit, plus)), slash);
    if (_mm_movemask_epi8(valid) != 0xFFFF)
        return false;
    const __m128i shift =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(upper, _mm_set1_epi8(-65)),
                                  _mm_and_si128(lower, _mm_set1_epi8(-71))),
                     _mm_or_si128(_mm_or_si128(_mm_and_si128(digit, _mm_set1_epi8(4)),
                                               _mm_and_si128(plus, _mm_set1_epi8(19))),
                                  _mm_and_si128(slash, _mm_set1_epi8(16))));
    const __m128i values = _mm_add_epi8(c, shift); // 6 bits per byte
    // Pairs of 6-bit values into 12 bits per 16-bit lane, then pairs of those into 24 bits.
    const __m128i pairs =
        _mm_or_si128(_mm_slli_epi16(_mm_and_si128(values, _mm_set1_epi16(0x00FF)), 6),
                     _mm_srli_epi16(values, 8));
    const __m128i quads = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000));
    // Each 32-bit lane holds its 3 bytes most significant first: put them in memory order...
    const __m128i lowByte = _mm_set1_epi32(0xFF);
    const __m128i ordered =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(_mm_srli_epi32(quads, 16), lowByte),
                                  _mm_and_si128(quads, _mm_set1_epi32(0xFF00))),
                     _mm_slli_epi32(_mm_and_si128(quads, lowByte), 16));
    // ...then close the gap in each 64-bit half: 6 bytes each.
    const __m128i packed =
        _mm_or_si128(_mm_and_si128(ordered, _mm_set1_epi64x(0xFFFFFF)),
                     _mm_srli_epi64(_mm_and_si128(ordered, _mm_set1_epi64x(0xFFFFFF00000000)), 8));
    _mm_storel_epi64(reinterpret_cast<__m128i *>(out), packed);
    _mm_storel_epi64(reinterpret_cast<__m128i *>(out + 6), _mm_unpackhi_epi64(packed, packed));
    return true;
}
#endif

// The common case fast: unbroken base64 with its padding. False for anything else (whitespace,
// missing padding, stray characters), which Qt's own decoder then judges.
bool fastBase64(QByteArrayView text, QByteArray *decoded)
{
    const qsizetype n = text.size();
    if (Q_BYTE_ORDER != Q_LITTLE_ENDIAN || n == 0 || n % 4 != 0)
        return false;
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    const int padding = in[n - 1] == '=' ? (in[n - 2] == '=' ? 2 : 1) : 0;
    decoded->resize(n / 4 * 3 - padding);
    adviseHugePages(decoded->constData(), decoded->size());
    auto *out = reinterpret_cast<unsigned char *>(decoded->data());
    const unsigned char *last = in + n - 4; // decoded bytewise, for its padding
    quint32 bad = 0;
#ifdef HALO_DECODER_SSE2
    while (last - in >= 20) { // the spare bytes land on output still to come
        if (!decodeBase64Block(in, out))
            return false;
        in += 16;
        out += 12;
    }
#endif
    for (; in < last; in += 4, out += 3) {
        const quint32 word = base64Quantum(in);
        bad |= word;
        std::memcpy(out, &word, 4); // the fourth byte is overwritten next
    }
    constexpr unsigned char zero = 'A';
    const unsigned char final[4] = {last[0], last[1], padding == 2 ? zero : last[2],
                                    padding >= 1 ? zero : last[3]};
    const quint32 word = base64Quantum(final);
    bad |= word;
    for (int i = 0; i < 3 - padding; ++i)
        out[i] = static_cast<unsigned char>(word >> (8 * i));
    return (bad & kBadBase64) == 0;
}

} // namespace

QByteArray strictBase64(QByteArrayView text, bool *ok)
{
    QByteArray fast;
    if (fastBase64(text, &fast)) {
        *ok = true;
        return fast;
    }
    const QByteArray input = QByteArray::fromRawData(text.data(), text.size());
    auto decoded = QByteArray::fromBase64Encoding(input, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        // Line-wrapped base64 (MIME style) is still base64.
        QByteArray compact = input;
        compact.replace('\n', QByteArray()).replace('\r', QByteArray());
        compact.replace(' ', QByteArray()).replace('\t', QByteArray());
        if (compact.size() != text.size())
            decoded =
                QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    }
    *ok = bool(decoded);
    return decoded ? *decoded : QByteArray();
}

bool decoderUsesSse2()
{
#ifdef HALO_DECODER_SSE2
    return true;
#else
    return false;
#endif
}

} // namespace Halo::detail
