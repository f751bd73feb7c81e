/* oc3-talk-block.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-talk.h"

G_BEGIN_DECLS

#define OC3_TYPE_TALK_BLOCK (oc3_talk_block_get_type ())

G_DECLARE_FINAL_TYPE (Oc3TalkBlock, oc3_talk_block, OC3, TALK_BLOCK, GtkButton)

GtkWidget *oc3_talk_block_new         (Oc3Talk      *talk,
                                       GTimeZone    *zone);
void       oc3_talk_block_set_talk    (Oc3TalkBlock *self,
                                       Oc3Talk      *talk,
                                       GTimeZone    *zone);
Oc3Talk   *oc3_talk_block_get_talk    (Oc3TalkBlock *self);
void       oc3_talk_block_set_zone    (Oc3TalkBlock *self,
                                       GTimeZone    *zone);
void       oc3_talk_block_set_starred (Oc3TalkBlock *self,
                                       gboolean      starred);
void       oc3_talk_block_set_changed (Oc3TalkBlock *self,
                                       gboolean      changed);
gboolean   oc3_talk_block_get_changed (Oc3TalkBlock *self);
gboolean   oc3_talk_block_get_starred (Oc3TalkBlock *self);

G_END_DECLS
