/* oc3-conference.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-day.h"
#include "oc3-link.h"
#include "oc3-person.h"
#include "oc3-room.h"
#include "oc3-talk.h"
#include "oc3-track.h"

G_BEGIN_DECLS

#define OC3_TYPE_CONFERENCE (oc3_conference_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Conference, oc3_conference, OC3, CONFERENCE, GObject)

const char         *oc3_conference_get_title                  (Oc3Conference *self);
const char         *oc3_conference_get_acronym                (Oc3Conference *self);
GTimeZone          *oc3_conference_get_time_zone              (Oc3Conference *self);
const char         *oc3_conference_get_time_zone_identifier   (Oc3Conference *self);
GDateTime          *oc3_conference_get_start                  (Oc3Conference *self);
GDateTime          *oc3_conference_get_end                    (Oc3Conference *self);
const char         *oc3_conference_get_venue                  (Oc3Conference *self);
const char         *oc3_conference_get_url                    (Oc3Conference *self);
const char         *oc3_conference_get_base_url               (Oc3Conference *self);
const char         *oc3_conference_get_description            (Oc3Conference *self);
const char         *oc3_conference_get_version                (Oc3Conference *self);
GListModel         *oc3_conference_get_days                   (Oc3Conference *self);
GListModel         *oc3_conference_get_talks                  (Oc3Conference *self);
GListModel         *oc3_conference_get_tracks                 (Oc3Conference *self);
GListModel         *oc3_conference_get_rooms                  (Oc3Conference *self);
GListModel         *oc3_conference_get_persons                (Oc3Conference *self);
const char * const *oc3_conference_get_warnings               (Oc3Conference *self);

Oc3Talk            *oc3_conference_lookup_talk                (Oc3Conference *self,
                                                               const char    *guid);
Oc3Person          *oc3_conference_lookup_person              (Oc3Conference *self,
                                                               const char    *id_or_guid);
Oc3Room            *oc3_conference_lookup_room                (Oc3Conference *self,
                                                               const char    *name);
Oc3Track           *oc3_conference_lookup_track               (Oc3Conference *self,
                                                               const char    *name);

G_END_DECLS
