// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Halo {

// Asks the kernel to back the whole 2 MiB pages inside a large, freshly allocated and not yet
// written buffer with transparent huge pages. On this kind of machine each first touch of a
// 4 KiB page costs microseconds; an 8 MB answer touched page by page is thousands of faults.
// Costs at most the partial pages at either end; does nothing for small buffers or off Linux.
void adviseHugePages(const void *data, qsizetype bytes);

} // namespace Halo
