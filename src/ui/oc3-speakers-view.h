/* oc3-speakers-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

#define OC3_TYPE_SPEAKERS_VIEW (oc3_speakers_view_get_type ())

G_DECLARE_FINAL_TYPE (Oc3SpeakersView, oc3_speakers_view, OC3, SPEAKERS_VIEW, GtkWidget)

GtkWidget      *oc3_speakers_view_new              (void);
void            oc3_speakers_view_set_conference   (Oc3SpeakersView *self,
                                                    Oc3Conference   *conference,
                                                    GTimeZone       *display_zone);
GtkSearchEntry *oc3_speakers_view_get_search_entry (Oc3SpeakersView *self);
GListModel     *oc3_speakers_view_get_results      (Oc3SpeakersView *self);

G_END_DECLS
