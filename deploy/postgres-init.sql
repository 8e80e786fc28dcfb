-- Rasa's tracker store lives in its own database (retention and erasure reach it by SQL).
CREATE DATABASE tellonce_tracker OWNER tellonce;
