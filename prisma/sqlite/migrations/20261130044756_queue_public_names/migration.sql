-- AlterTable
ALTER TABLE "Queue" ADD COLUMN "publicNameDe" TEXT;
ALTER TABLE "Queue" ADD COLUMN "publicNameEn" TEXT;

-- Public names for the queues a first start creates (scripts/db/seed: DEFAULT_QUEUES),
-- so desks set up before this migration offer them in both languages too.
UPDATE "Queue" SET "publicNameEn" = 'General questions', "publicNameDe" = 'Allgemeine Fragen' WHERE "name" = 'Misc' AND "publicNameEn" IS NULL AND "publicNameDe" IS NULL;
UPDATE "Queue" SET "publicNameEn" = 'Web sites and web services', "publicNameDe" = 'Webseiten und Webdienste' WHERE "name" = 'Web' AND "publicNameEn" IS NULL AND "publicNameDe" IS NULL;
UPDATE "Queue" SET "publicNameEn" = 'Wireless network (WLAN)', "publicNameDe" = 'Funknetz (WLAN)' WHERE "name" = 'WLAN' AND "publicNameEn" IS NULL AND "publicNameDe" IS NULL;
UPDATE "Queue" SET "publicNameEn" = 'Telephone (VoIP)', "publicNameDe" = 'Telefonie (VoIP)' WHERE "name" = 'VoIP' AND "publicNameEn" IS NULL AND "publicNameDe" IS NULL;
