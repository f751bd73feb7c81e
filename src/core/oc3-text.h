/* oc3-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *oc3_text_clean (const char *text,
                      gssize      length);

G_END_DECLS
