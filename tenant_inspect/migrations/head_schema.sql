-- The schema of a new tenant-inspect SQLite database: what the Alembic migrations make,
-- statement by statement in the order SQLite created them. Generated, never edited:
-- after adding a migration run `python -m tenant_inspect.storage.sqlite.head_schema --write`.
-- revision: 0005

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE app_setting (
	"key" VARCHAR(60) NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);

CREATE TABLE inspection (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	landlord VARCHAR(200) NOT NULL, 
	topic VARCHAR(200) NOT NULL, 
	scope VARCHAR NOT NULL, 
	report_number VARCHAR(50) NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	report_date DATE, 
	status VARCHAR(20) NOT NULL, 
	preface VARCHAR NOT NULL, 
	acknowledgements VARCHAR NOT NULL, 
	introduction VARCHAR NOT NULL, 
	methodology VARCHAR NOT NULL, 
	other_methods VARCHAR NOT NULL, 
	include_team_in_report BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_inspection_hlc ON inspection (hlc);

CREATE TABLE area (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	name VARCHAR(120) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	position INTEGER NOT NULL, 
	description VARCHAR NOT NULL, 
	interviews_planned INTEGER NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_area_hlc ON area (hlc);

CREATE INDEX ix_area_inspection_id ON area (inspection_id);

CREATE TABLE "conflict" (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	table_name VARCHAR(40) NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	field VARCHAR(60) NOT NULL, 
	kept_value JSON NOT NULL, 
	kept_hlc VARCHAR(96) NOT NULL, 
	other_value JSON NOT NULL, 
	other_hlc VARCHAR(96) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	resolved_at VARCHAR(32), 
	resolution VARCHAR(20) NOT NULL, kind VARCHAR(10) DEFAULT 'edit' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_conflict_inspection_id ON "conflict" (inspection_id);

CREATE INDEX ix_conflict_row_id ON "conflict" (row_id);

CREATE TABLE team_member (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	name VARCHAR(120) NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	position INTEGER NOT NULL, 
	include_in_report BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_team_member_hlc ON team_member (hlc);

CREATE INDEX ix_team_member_inspection_id ON team_member (inspection_id);

CREATE TABLE conclusion (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	area_id VARCHAR, 
	text VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	internal BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_conclusion_area_id ON conclusion (area_id);

CREATE INDEX ix_conclusion_hlc ON conclusion (hlc);

CREATE INDEX ix_conclusion_inspection_id ON conclusion (inspection_id);

CREATE TABLE document_review (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	area_id VARCHAR, 
	title VARCHAR(200) NOT NULL, 
	document_date DATE, 
	undated BOOLEAN NOT NULL, 
	version VARCHAR(100) NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	reviewer_id VARCHAR, 
	questionnaire_id VARCHAR(80) NOT NULL, 
	questionnaire_version VARCHAR(40) NOT NULL, 
	observations VARCHAR NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	current_question VARCHAR(80) NOT NULL, 
	internal BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(reviewer_id) REFERENCES team_member (id)
);

CREATE INDEX ix_document_review_area_id ON document_review (area_id);

CREATE INDEX ix_document_review_hlc ON document_review (hlc);

CREATE INDEX ix_document_review_inspection_id ON document_review (inspection_id);

CREATE TABLE interview (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	area_id VARCHAR, 
	interviewee_kind VARCHAR(20) NOT NULL, 
	interviewee_role VARCHAR(120) NOT NULL, 
	interviewee_name VARCHAR(120) NOT NULL, 
	interview_date DATE, 
	consent BOOLEAN NOT NULL, 
	questionnaire_id VARCHAR(80) NOT NULL, 
	questionnaire_version VARCHAR(40) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	current_question VARCHAR(80) NOT NULL, 
	notes VARCHAR NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_interview_area_id ON interview (area_id);

CREATE INDEX ix_interview_hlc ON interview (hlc);

CREATE INDEX ix_interview_inspection_id ON interview (inspection_id);

CREATE TABLE judgement (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	area_id VARCHAR NOT NULL, 
	judge_id VARCHAR, 
	grade VARCHAR(30) NOT NULL, 
	rationale VARCHAR NOT NULL, 
	is_final BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(judge_id) REFERENCES team_member (id)
);

CREATE INDEX ix_judgement_area_id ON judgement (area_id);

CREATE INDEX ix_judgement_hlc ON judgement (hlc);

CREATE INDEX ix_judgement_inspection_id ON judgement (inspection_id);

CREATE TABLE recommendation (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	area_id VARCHAR, 
	number INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	sub_actions JSON NOT NULL, 
	expected_benefits VARCHAR NOT NULL, 
	impact VARCHAR(10) NOT NULL, 
	cost VARCHAR(10) NOT NULL, 
	priority VARCHAR(10) NOT NULL, 
	target_date DATE, 
	position INTEGER NOT NULL, 
	internal BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_recommendation_area_id ON recommendation (area_id);

CREATE INDEX ix_recommendation_hlc ON recommendation (hlc);

CREATE INDEX ix_recommendation_inspection_id ON recommendation (inspection_id);

CREATE TABLE action_plan_item (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	recommendation_id VARCHAR NOT NULL, 
	key_outcomes VARCHAR NOT NULL, 
	key_actions VARCHAR NOT NULL, 
	responsible VARCHAR(200) NOT NULL, 
	by_when DATE, 
	progress VARCHAR NOT NULL, 
	how_we_know VARCHAR NOT NULL, 
	costs VARCHAR NOT NULL, 
	tenant_say VARCHAR NOT NULL, 
	status VARCHAR(20) NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, by_when_words VARCHAR(40) DEFAULT '' NOT NULL, position INTEGER DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(recommendation_id) REFERENCES recommendation (id)
);

CREATE INDEX ix_action_plan_item_hlc ON action_plan_item (hlc);

CREATE INDEX ix_action_plan_item_inspection_id ON action_plan_item (inspection_id);

CREATE INDEX ix_action_plan_item_recommendation_id ON action_plan_item (recommendation_id);

CREATE TABLE answer (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	interview_id VARCHAR, 
	document_review_id VARCHAR, 
	question_key VARCHAR(80) NOT NULL, 
	value VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	skipped BOOLEAN NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_review_id) REFERENCES document_review (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(interview_id) REFERENCES interview (id)
);

CREATE INDEX ix_answer_document_review_id ON answer (document_review_id);

CREATE INDEX ix_answer_hlc ON answer (hlc);

CREATE INDEX ix_answer_inspection_id ON answer (inspection_id);

CREATE INDEX ix_answer_interview_id ON answer (interview_id);

CREATE TABLE interview_interviewer (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	interview_id VARCHAR NOT NULL, 
	member_id VARCHAR NOT NULL, field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_interviewer UNIQUE (interview_id, member_id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(interview_id) REFERENCES interview (id), 
	FOREIGN KEY(member_id) REFERENCES team_member (id)
);

CREATE INDEX ix_interview_interviewer_hlc ON interview_interviewer (hlc);

CREATE INDEX ix_interview_interviewer_inspection_id ON interview_interviewer (inspection_id);

CREATE INDEX ix_interview_interviewer_interview_id ON interview_interviewer (interview_id);

CREATE TABLE finding (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	area_id VARCHAR, 
	kind VARCHAR(20) NOT NULL, 
	text VARCHAR NOT NULL, 
	document_review_id VARCHAR, 
	interview_id VARCHAR, 
	answer_id VARCHAR, 
	question_key VARCHAR(80) NOT NULL, 
	themes JSON NOT NULL, 
	internal BOOLEAN NOT NULL, 
	merged_into_id VARCHAR(36), field_seen JSON DEFAULT '{}' NOT NULL, deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(answer_id) REFERENCES answer (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(document_review_id) REFERENCES document_review (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(interview_id) REFERENCES interview (id)
);

CREATE INDEX ix_finding_area_id ON finding (area_id);

CREATE INDEX ix_finding_hlc ON finding (hlc);

CREATE INDEX ix_finding_inspection_id ON finding (inspection_id);

CREATE INDEX ix_finding_inspection_kind ON finding (inspection_id, kind);

CREATE TABLE "questionnaire_copy" (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	questionnaire_id VARCHAR(80) NOT NULL, 
	version VARCHAR(40) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	kind VARCHAR(30) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	source_text VARCHAR NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_questionnaire_copy_hlc ON questionnaire_copy (hlc);

CREATE INDEX ix_questionnaire_copy_inspection_id ON questionnaire_copy (inspection_id);

CREATE TABLE "recommendation_finding" (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	recommendation_id VARCHAR NOT NULL, 
	finding_id VARCHAR NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(finding_id) REFERENCES finding (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(recommendation_id) REFERENCES recommendation (id)
);

CREATE INDEX ix_recommendation_finding_finding_id ON recommendation_finding (finding_id);

CREATE INDEX ix_recommendation_finding_hlc ON recommendation_finding (hlc);

CREATE INDEX ix_recommendation_finding_inspection_id ON recommendation_finding (inspection_id);

CREATE INDEX ix_recommendation_finding_recommendation_id ON recommendation_finding (recommendation_id);

CREATE TABLE action_plan_response (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	recommendation_id VARCHAR NOT NULL, 
	response VARCHAR(20) NOT NULL, 
	reason VARCHAR NOT NULL, 
	responsible_role VARCHAR(200) NOT NULL, 
	sponsor_role VARCHAR(200) NOT NULL, 
	costs VARCHAR NOT NULL, 
	customer_say VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(recommendation_id) REFERENCES recommendation (id)
);

CREATE INDEX ix_action_plan_response_hlc ON action_plan_response (hlc);

CREATE INDEX ix_action_plan_response_inspection_id ON action_plan_response (inspection_id);

CREATE INDEX ix_action_plan_response_recommendation_id ON action_plan_response (recommendation_id);

CREATE TABLE monitoring_round (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	held_on DATE, 
	title VARCHAR(200) NOT NULL, 
	summary VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_monitoring_round_hlc ON monitoring_round (hlc);

CREATE INDEX ix_monitoring_round_inspection_id ON monitoring_round (inspection_id);

CREATE TABLE monitoring_entry (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	round_id VARCHAR NOT NULL, 
	item_id VARCHAR NOT NULL, 
	progress_note VARCHAR NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	evidence VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(item_id) REFERENCES action_plan_item (id), 
	FOREIGN KEY(round_id) REFERENCES monitoring_round (id)
);

CREATE INDEX ix_monitoring_entry_hlc ON monitoring_entry (hlc);

CREATE INDEX ix_monitoring_entry_inspection_id ON monitoring_entry (inspection_id);

CREATE INDEX ix_monitoring_entry_item_id ON monitoring_entry (item_id);

CREATE INDEX ix_monitoring_entry_round_id ON monitoring_entry (round_id);

CREATE TABLE prospects (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	track_record VARCHAR(30) NOT NULL, 
	performance_management VARCHAR(30) NOT NULL, 
	capacity VARCHAR(30) NOT NULL, 
	overall VARCHAR(20) NOT NULL, 
	rationale VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id)
);

CREATE INDEX ix_prospects_hlc ON prospects (hlc);

CREATE INDEX ix_prospects_inspection_id ON prospects (inspection_id);

CREATE TABLE letter_text (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	author_id VARCHAR(36), 
	device_id VARCHAR(64) NOT NULL, 
	deleted_at VARCHAR(32), 
	hlc VARCHAR(96) NOT NULL, 
	field_clocks JSON NOT NULL, 
	field_seen JSON DEFAULT '{}' NOT NULL, 
	deleted_seen JSON DEFAULT '{}' NOT NULL, 
	inspection_id VARCHAR NOT NULL, 
	part VARCHAR(20) NOT NULL, 
	area_id VARCHAR, 
	recommendation_id VARCHAR, 
	text VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(inspection_id) REFERENCES inspection (id), 
	FOREIGN KEY(recommendation_id) REFERENCES recommendation (id)
);

CREATE INDEX ix_finding_live ON finding (inspection_id) WHERE deleted_at IS NULL;

CREATE INDEX ix_letter_text_area_id ON letter_text (area_id);

CREATE INDEX ix_letter_text_hlc ON letter_text (hlc);

CREATE INDEX ix_letter_text_inspection_id ON letter_text (inspection_id);

CREATE INDEX ix_letter_text_recommendation_id ON letter_text (recommendation_id);
