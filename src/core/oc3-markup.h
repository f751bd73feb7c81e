/* oc3-markup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char      *oc3_markup_from_program_text (const char *text);
char      *oc3_markup_escape_plain      (const char *text);
GPtrArray *oc3_markup_extract_links     (const char *text);

G_END_DECLS
