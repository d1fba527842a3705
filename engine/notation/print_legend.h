// The legend page: each colour -> instrument -> who plays it; the scale and range in words
// and on a small staff.
#pragma once

#include "core/score.h"
#include "notation/print_common.h"

namespace graphony::notation {

PagePainter LegendPage(const Score& score, const PageGeometry& page, bool title_block);

}  // namespace graphony::notation
