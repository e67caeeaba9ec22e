// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_results_bodies.h"

#include <charconv>

namespace BenchResults {

namespace {

struct Random {
    quint64 state;
    quint64 next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    int below(int n) { return int(next() % quint64(n)); }
};

void appendInteger(std::string &out, long long value)
{
    char digits[24];
    out.append(digits, size_t(std::to_chars(digits, digits + sizeof digits, value).ptr - digits));
}

void appendTwoDigits(std::string &out, int value)
{
    out += char('0' + value / 10);
    out += char('0' + value % 10);
}

} // namespace

std::string rowsJson(long long firstId, int rows, quint64 seed)
{
    static const char *const surnames[] = {"Smith",
                                           "Nguy\xe1\xbb\x85n",
                                           "O'Brien",
                                           "M\xc3\xbcller",
                                           "Garc\xc3\xad"
                                           "a",
                                           "Brown",
                                           "Taylor",
                                           "Zhang \xe5\xbc\xa0",
                                           "Kowalski",
                                           "Wilson"};
    static const char *const notes[] = {
        "Follow-up in 2 weeks",
        "Patient said \\\"fine\\\" \xe2\x80\x94 no change",
        "Line one\\nLine two",
        "Allergic to penicillin; see notes",
        "",
        "Tab\\tseparated",
        "Emoji \xf0\x9f\x98\x80 ok",
        "Path C:\\\\clinic\\\\x",
        "Reviewed results with the patient; repeat bloods in three months.",
        "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\xa1\xe3\x83\xa2"};
    Random random{seed * 2654435761u + 7};
    std::string out;
    out.reserve(size_t(rows) * 210);
    out += '[';
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            out += ',';
        out += "{\"patient_id\":";
        appendInteger(out, firstId + r);
        out += ",\"surname\":\"";
        out += surnames[random.below(10)];
        out += "\",\"given_name\":";
        if (random.below(10) == 0) {
            out += "null";
        } else {
            out += "\"Alex";
            appendInteger(out, random.below(1000));
            out += '"';
        }
        out += ",\"date_of_birth\":";
        if (random.below(20) == 0) {
            out += "null";
        } else {
            out += '"';
            appendInteger(out, 1930 + random.below(90));
            out += '-';
            appendTwoDigits(out, 1 + random.below(12));
            out += '-';
            appendTwoDigits(out, 1 + random.below(28));
            out += '"';
        }
        out += ",\"last_visit\":\"2024-";
        appendTwoDigits(out, 1 + random.below(12));
        out += '-';
        appendTwoDigits(out, 1 + random.below(28));
        out += 'T';
        appendTwoDigits(out, random.below(24));
        out += ':';
        appendTwoDigits(out, random.below(60));
        out += ':';
        appendTwoDigits(out, random.below(60));
        out += ".";
        appendInteger(out, 100 + random.below(900));
        out += "\",\"balance\":";
        if (random.below(8) == 0) {
            out += "null";
        } else {
            appendInteger(out, random.below(100000));
            out += '.';
            appendTwoDigits(out, random.below(100));
        }
        out += ",\"visits\":";
        appendInteger(out, random.below(500));
        out += ",\"is_active\":";
        out += random.below(3) != 0 ? "true" : "false";
        out += ",\"notes\":";
        if (random.below(4) == 0) {
            out += "null";
        } else {
            out += '"';
            out += notes[random.below(10)];
            out += '"';
        }
        out += '}';
    }
    out += ']';
    return out;
}

// An immediate query's answer, as Halo (and the sandbox) sends it.
QByteArray immediateBody(const std::string &json, int rows)
{
    const QByteArray data = QByteArray::fromStdString(json).toBase64();
    return "{\"id\":\"5f0c1d2e-aaaa-4bbb-8ccc-0123456789ab\",\"mode\":\"immediate\","
           "\"result\":{\"data\":\"" +
           data + "\",\"parameters\":[],\"rows\":" + QByteArray::number(rows) +
           ",\"size\":" + QByteArray::number(qsizetype(json.size())) +
           "},\"siteId\":\"3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14\",\"status\":\"successful\"}";
}

QByteArray pageBody(const std::string &json, int rows)
{
    return "{\"data\":\"" + QByteArray::fromStdString(json).toBase64() +
           "\",\"parameters\":[],\"rows\":" + QByteArray::number(rows) +
           ",\"size\":" + QByteArray::number(qsizetype(json.size())) + "}";
}

} // namespace BenchResults
