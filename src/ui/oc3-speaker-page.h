/* oc3-speaker-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-conference.h"
#include "oc3-starred-func.h"

G_BEGIN_DECLS

#define OC3_TYPE_SPEAKER_PAGE (oc3_speaker_page_get_type ())

G_DECLARE_FINAL_TYPE (Oc3SpeakerPage, oc3_speaker_page, OC3, SPEAKER_PAGE, AdwNavigationPage)

Oc3SpeakerPage *oc3_speaker_page_new               (Oc3Conference      *conference,
                                                    Oc3Person          *person,
                                                    GTimeZone          *display_zone);
Oc3Person      *oc3_speaker_page_get_person        (Oc3SpeakerPage     *self);
void            oc3_speaker_page_set_display_zone  (Oc3SpeakerPage     *self,
                                                    GTimeZone          *display_zone);
void            oc3_speaker_page_set_starred_func  (Oc3SpeakerPage     *self,
                                                    Oc3TalkStarredFunc  func,
                                                    gpointer            user_data,
                                                    GDestroyNotify      destroy);
void            oc3_speaker_page_refresh_starred   (Oc3SpeakerPage     *self);

G_END_DECLS
