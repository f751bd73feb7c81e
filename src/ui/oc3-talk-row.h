/* oc3-talk-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-talk.h"

G_BEGIN_DECLS

#define OC3_TYPE_TALK_ROW (oc3_talk_row_get_type ())

G_DECLARE_FINAL_TYPE (Oc3TalkRow, oc3_talk_row, OC3, TALK_ROW, GtkWidget)

GtkWidget *oc3_talk_row_new         (void);
void       oc3_talk_row_set_talk    (Oc3TalkRow *self,
                                     Oc3Talk    *talk,
                                     GTimeZone  *zone);
Oc3Talk   *oc3_talk_row_get_talk    (Oc3TalkRow *self);
void       oc3_talk_row_set_starred (Oc3TalkRow *self,
                                     gboolean    starred);
void       oc3_talk_row_set_changed_talks (GHashTable *guids);
GHashTable *oc3_talk_row_get_changed_talks (void);

G_END_DECLS
