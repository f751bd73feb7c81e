/* oc3-timeline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-agenda.h"
#include "oc3-conference.h"

G_BEGIN_DECLS

#define OC3_TYPE_TIMELINE (oc3_timeline_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Timeline, oc3_timeline, OC3, TIMELINE, GtkWidget)

GtkWidget *oc3_timeline_new            (void);
void       oc3_timeline_set_day        (Oc3Timeline   *self,
                                        Oc3Conference *conference,
                                        Oc3Day        *day,
                                        GTimeZone     *zone);
void       oc3_timeline_set_zone       (Oc3Timeline   *self,
                                        GTimeZone     *zone);
void       oc3_timeline_set_now        (Oc3Timeline   *self,
                                        GDateTime     *now);
void       oc3_timeline_scroll_to_time (Oc3Timeline   *self,
                                        GDateTime     *instant);
guint      oc3_timeline_get_n_talks    (Oc3Timeline   *self);
guint      oc3_timeline_get_n_built_blocks (Oc3Timeline *self);
GtkWidget *oc3_timeline_get_block      (Oc3Timeline   *self,
                                        guint          position);
GtkWidget *oc3_timeline_find_block     (Oc3Timeline   *self,
                                        const char    *guid);
void       oc3_timeline_update_starred (Oc3Timeline   *self,
                                        Oc3Agenda     *agenda);
void       oc3_timeline_update_changed (Oc3Timeline   *self,
                                        GHashTable    *changed);

G_END_DECLS
