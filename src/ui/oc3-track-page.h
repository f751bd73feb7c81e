/* oc3-track-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-conference.h"
#include "oc3-starred-func.h"

G_BEGIN_DECLS

#define OC3_TYPE_TRACK_PAGE (oc3_track_page_get_type ())

G_DECLARE_FINAL_TYPE (Oc3TrackPage, oc3_track_page, OC3, TRACK_PAGE, AdwNavigationPage)

Oc3TrackPage *oc3_track_page_new              (Oc3Conference      *conference,
                                               Oc3Track           *track,
                                               GTimeZone          *display_zone);
Oc3Track     *oc3_track_page_get_track        (Oc3TrackPage       *self);
void          oc3_track_page_set_display_zone (Oc3TrackPage       *self,
                                               GTimeZone          *display_zone);
void          oc3_track_page_set_starred_func (Oc3TrackPage       *self,
                                               Oc3TalkStarredFunc  func,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);
void          oc3_track_page_refresh_starred  (Oc3TrackPage       *self);
GtkListView  *oc3_track_page_get_list_view    (Oc3TrackPage       *self);

G_END_DECLS
