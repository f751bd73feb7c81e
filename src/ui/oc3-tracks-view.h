/* oc3-tracks-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

#define OC3_TYPE_TRACKS_VIEW (oc3_tracks_view_get_type ())

G_DECLARE_FINAL_TYPE (Oc3TracksView, oc3_tracks_view, OC3, TRACKS_VIEW, GtkWidget)

GtkWidget *oc3_tracks_view_new            (void);
void       oc3_tracks_view_set_conference (Oc3TracksView *self,
                                           Oc3Conference *conference,
                                           GTimeZone     *display_zone);

G_END_DECLS
