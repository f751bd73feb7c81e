/* oc3-now-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-talk.h"

G_BEGIN_DECLS

#define OC3_TYPE_NOW_ROW (oc3_now_row_get_type ())

G_DECLARE_FINAL_TYPE (Oc3NowRow, oc3_now_row, OC3, NOW_ROW, GtkListBoxRow)

GtkWidget *oc3_now_row_new      (Oc3Talk   *talk,
                                 GTimeZone *zone);
Oc3Talk   *oc3_now_row_get_talk (Oc3NowRow *self);
void       oc3_now_row_update   (Oc3NowRow *self,
                                 GDateTime *now);
char      *oc3_now_row_format_status (Oc3Talk   *talk,
                                      GDateTime *now,
                                      GTimeZone *zone);

G_END_DECLS
