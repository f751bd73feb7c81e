/* oc3-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-application.h"
#include "oc3-conference.h"
#include "oc3-schedule-view.h"

G_BEGIN_DECLS

#define OC3_TYPE_WINDOW (oc3_window_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Window, oc3_window, OC3, WINDOW, AdwApplicationWindow)

Oc3Window     *oc3_window_new              (Oc3Application *application);
void           oc3_window_present_when_ready (Oc3Window    *self);
void           oc3_window_show_view        (Oc3Window      *self,
                                            const char     *view_name);
const char    *oc3_window_get_view         (Oc3Window      *self);
const char    *oc3_window_get_visible_page_tag (Oc3Window  *self);
const char    *oc3_window_get_last_message (Oc3Window      *self);
void           oc3_window_clear_last_message (Oc3Window    *self);
void           oc3_window_show_talk        (Oc3Window      *self,
                                            const char     *guid);
void           oc3_window_open_file        (Oc3Window      *self,
                                            GFile          *file);
void           oc3_window_add_conference   (Oc3Window      *self,
                                            const char     *location,
                                            const char     *name,
                                            GTimeZone      *zone);
void           oc3_window_search           (Oc3Window      *self,
                                            const char     *query);
void           oc3_window_set_starred      (Oc3Window      *self,
                                            const char     *guid,
                                            gboolean        starred);
Oc3Conference *oc3_window_get_conference   (Oc3Window      *self);
GTimeZone     *oc3_window_get_display_zone (Oc3Window      *self);
Oc3ScheduleView *oc3_window_get_schedule_view (Oc3Window    *self);

G_END_DECLS
