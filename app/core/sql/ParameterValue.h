// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Halo {

// Output parameter values. The spec marks `value` as "base64 (output)", yet every example shows
// plain text ("66"), so the shown form is guessed from the declared SqlDbType:
// - binary types (Binary, VarBinary, Image, Timestamp, RowVersion): valid base64 is shown as
//   0x-prefixed hex of its bytes; anything else as it came;
// - other types: text that already reads as the type (an Int "66") is shown as it came; text
//   that does not, but is base64 of printable UTF-8 that does, is shown decoded;
// - text types (VarChar, NVarChar, ...) and unknown types: as it came, because a plain string
//   cannot be told from base64.
class ParameterValue
{
public:
    static QString displayValue(const QString &raw, const QString &sqlDbType);
    // Whether typed input `text` is a value of `sqlDbType`: a number in range for the integer
    // types, a number for Decimal/Float/Money..., 0/1/true/false for Bit, a date or time for
    // the date types, a GUID for UniqueIdentifier. Text, binary and unknown types take anything.
    static bool isValidInput(const QString &text, const QString &sqlDbType);
};

} // namespace Halo
