-- The login the API and projector use (SPEC §8): it holds only register_app, whose privileges `migrate` grants.
-- Created here, at the database's first start, so the migrate service (as the owner) finds the role already granted.
CREATE ROLE register_app NOLOGIN;
CREATE ROLE register_service LOGIN PASSWORD 'service' IN ROLE register_app;
