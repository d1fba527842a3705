// The graphic score pages: the picture and strokes as painted, in strips across the pages,
// with a time ruler (bar numbers) and pitch guides labelled with note names.
#pragma once

#include <vector>

#include "core/score.h"
#include "notation/print_common.h"

namespace graphony::notation {

// One painter per page. With `title_block`, the first page starts with title and credits.
std::vector<PagePainter> GraphicPages(const Score& score, const PageGeometry& page,
                                      bool title_block);

}  // namespace graphony::notation
