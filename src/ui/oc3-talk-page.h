/* oc3-talk-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

#define OC3_TYPE_TALK_PAGE (oc3_talk_page_get_type ())

G_DECLARE_FINAL_TYPE (Oc3TalkPage, oc3_talk_page, OC3, TALK_PAGE, AdwNavigationPage)

Oc3TalkPage   *oc3_talk_page_new                (Oc3Conference *conference,
                                                 Oc3Talk       *talk,
                                                 GTimeZone     *display_zone);
Oc3Conference *oc3_talk_page_get_conference     (Oc3TalkPage   *self);
Oc3Talk       *oc3_talk_page_get_talk           (Oc3TalkPage   *self);
GTimeZone     *oc3_talk_page_get_display_zone   (Oc3TalkPage   *self);
void           oc3_talk_page_set_display_zone   (Oc3TalkPage   *self,
                                                 GTimeZone     *display_zone);
GtkBox        *oc3_talk_page_get_header_end_box (Oc3TalkPage   *self);
void           oc3_talk_page_set_notice         (Oc3TalkPage   *self,
                                                 const char    *text);

G_END_DECLS
