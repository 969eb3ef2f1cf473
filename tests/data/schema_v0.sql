-- The matcher database as schema version 0 made it: today's tables, but no schema_version row in
-- `meta` (version 0 never wrote one). tests/test_upgrade.py opens a file built from this script.
-- The posting's fingerprint is the one version 0 computed: sha256 of title|company|first 60 words.
CREATE TABLE meta (
    "key" VARCHAR NOT NULL, 
    value TEXT NOT NULL, 
    PRIMARY KEY ("key")
);
CREATE TABLE jobs (
    id INTEGER NOT NULL, 
    fingerprint VARCHAR(64) NOT NULL, 
    title TEXT NOT NULL, 
    title_derived BOOLEAN NOT NULL, 
    company TEXT, 
    locations JSON NOT NULL, 
    remote BOOLEAN, 
    salary_min FLOAT, 
    salary_max FLOAT, 
    salary_currency VARCHAR(8), 
    salary_period VARCHAR(8), 
    posted DATE, 
    employment_type TEXT, 
    tags JSON NOT NULL, 
    url TEXT, 
    description TEXT NOT NULL, 
    company_blurb TEXT, 
    remote_policy TEXT, 
    skills JSON NOT NULL, 
    raw TEXT NOT NULL, 
    source TEXT NOT NULL, 
    imported_at DATETIME NOT NULL, 
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_jobs_fingerprint ON jobs (fingerprint);
CREATE TABLE cvs (
    id INTEGER NOT NULL, 
    name TEXT NOT NULL, 
    source TEXT NOT NULL, 
    text TEXT NOT NULL, 
    sections JSON NOT NULL, 
    skills JSON NOT NULL, 
    removed_skills JSON NOT NULL, 
    years_experience FLOAT, 
    report JSON, 
    contact JSON NOT NULL, 
    created DATETIME NOT NULL, 
    PRIMARY KEY (id)
);
CREATE TABLE embeddings (
    model VARCHAR(64) NOT NULL, 
    "key" VARCHAR(40) NOT NULL, 
    vector BLOB NOT NULL, 
    PRIMARY KEY (model, "key")
);
CREATE TABLE user_skills (
    name TEXT NOT NULL, 
    category VARCHAR(32) NOT NULL, 
    PRIMARY KEY (name)
);
CREATE TABLE user_aliases (
    alias TEXT NOT NULL, 
    skill TEXT NOT NULL, 
    PRIMARY KEY (alias)
);
CREATE TABLE settings (
    "key" VARCHAR(64) NOT NULL, 
    value JSON NOT NULL, 
    PRIMARY KEY ("key")
);
CREATE TABLE requirements (
    id INTEGER NOT NULL, 
    job_id INTEGER NOT NULL, 
    position INTEGER NOT NULL, 
    text TEXT NOT NULL, 
    kind VARCHAR(10) NOT NULL, 
    skills JSON NOT NULL, 
    years FLOAT, 
    PRIMARY KEY (id), 
    FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE
);
CREATE INDEX ix_requirements_job_id ON requirements (job_id);
CREATE TABLE shortlist (
    job_id INTEGER NOT NULL, 
    status VARCHAR(16) NOT NULL, 
    notes TEXT NOT NULL, 
    added DATETIME NOT NULL, 
    PRIMARY KEY (job_id), 
    FOREIGN KEY(job_id) REFERENCES jobs (id) ON DELETE CASCADE
);

-- One of everything a user makes, as version 0 stored it.
INSERT INTO jobs VALUES (1, '68994d3b4a44bf9fbd614975f0675901', 'Software Engineer (Java)', 0, 'Vonage',
    '["United States", "Canada", "United Kingdom", "Spain"]', 1, 94000.0, 118000.0, 'EUR', 'year', '2026-11-20',
    'Full-time', '["backend"]', NULL,
    'Key requirements: Java, Go, Kotlin, Microservices architecture, Spring Boot Reactive, AWS, Docker, Kubernetes.',
    'Vonage is a Holmdel Township, NJ-based cloud communications provider.', NULL, '["Java", "Go", "Kotlin"]',
    'Software Engineer (Java)
about 20 hours ago
Full-time
United States, Canada, United Kingdom, Spain
Key requirements: Java, Go, Kotlin, Microservices architecture, Spring Boot Reactive, AWS, Docker, Kubernetes
Vonage', '000_7d3acf110e98f847.txt [1]', '2026-11-20 09:30:00.000000');
INSERT INTO requirements VALUES (1, 1, 0, 'Java', 'required', '["Java"]', NULL);
INSERT INTO requirements VALUES (2, 1, 1, '3+ years of Kotlin', 'preferred', '["Kotlin"]', 3.0);
INSERT INTO cvs VALUES (1, 'John Doe', 'john_doe.pdf', 'Backend engineer. Java and Kotlin for 6 years.',
    '[{"name": "experience", "heading": "Experience", "text": "Java and Kotlin for 6 years."}]',
    '[{"skill": "Java", "sentence": "Java and Kotlin for 6 years.", "source": "extracted"}, {"skill": "Rust", "sentence": "Added by hand", "source": "manual"}]',
    '["Excel"]', 6.0, '{"pages": 1, "chars": 46, "sections": ["experience"], "skills_found": 2, "warnings": []}',
    '{"email": "john@example.com"}', '2026-11-21 08:00:00.000000');
INSERT INTO shortlist VALUES (1, 'Interview', 'Second call on Thursday', '2026-11-22 12:00:00.000000');
INSERT INTO user_aliases VALUES ('k8s', 'Kubernetes');
INSERT INTO settings VALUES ('score_weights', '{"required": 0.5}');
