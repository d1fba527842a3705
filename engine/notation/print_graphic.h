// The graphic score pages: the picture and strokes as painted, in strips across the pages,
// with a time ruler (bar numbers) and pitch guides labelled with note names.
#pragma once

#include <vector>

#include "core/score.h"
#include "notation/print_common.h"

namespace graphony::notation {

// One painter per page. With `title_block`, the first page starts with title and credits.
// `last_bottom`, if given, is set to where the last page's drawing ends (points from the top),
// so another page's content can share the rest of it; `reserve` points are kept free below a
// single-page overview when that costs it at most a quarter of its size.
std::vector<PagePainter> GraphicPages(const Score& score, const PageGeometry& page,
                                      bool title_block, double* last_bottom = nullptr,
                                      double reserve = 0);

}  // namespace graphony::notation
