// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Word lists for the sample data (all synthetic combinations; suburbs, states and postcodes are
// real places). Internal to the sandbox.
namespace Sandbox::detail {

struct Suburb {
    const char *name;
    const char *state;
    const char *postcode;
    const char *areaCode;
};

inline const Suburb kSuburbs[] = {
    {"Manly", "NSW", "2095", "02"},
    {"Parramatta", "NSW", "2150", "02"},
    {"Newtown", "NSW", "2042", "02"},
    {"Wollongong", "NSW", "2500", "02"},
    {"Newcastle", "NSW", "2300", "02"},
    {"Fitzroy", "VIC", "3065", "03"},
    {"Geelong", "VIC", "3220", "03"},
    {"Ballarat", "VIC", "3350", "03"},
    {"Brunswick", "VIC", "3056", "03"},
    {"Southbank", "VIC", "3006", "03"},
    {"Fortitude Valley", "QLD", "4006", "07"},
    {"Cairns", "QLD", "4870", "07"},
    {"Toowoomba", "QLD", "4350", "07"},
    {"Townsville", "QLD", "4810", "07"},
    {"Fremantle", "WA", "6160", "08"},
    {"Joondalup", "WA", "6027", "08"},
    {"Broome", "WA", "6725", "08"},
    {"Glenelg", "SA", "5045", "08"},
    {"Mount Gambier", "SA", "5290", "08"},
    {"Sandy Bay", "TAS", "7005", "03"},
    {"Launceston", "TAS", "7250", "03"},
    {"Braddon", "ACT", "2612", "02"},
    {"Belconnen", "ACT", "2617", "02"},
    {"Darwin City", "NT", "0800", "08"},
    {"Alice Springs", "NT", "0870", "08"},
};

inline const char *const kStreets[] = {
    "George Street", "Pitt Street",     "Church Street",    "King Street",     "Queen Street",
    "Victoria Road", "Beach Road",      "Station Street",   "Bay Parade",      "Wattle Avenue",
    "Banksia Close", "Jacaranda Drive", "O'Connell Street", "High Street",     "Main Road",
    "Ocean Parade",  "Railway Terrace", "Gum Tree Lane",    "Acacia Crescent", "Hill Street",
};

inline const char *const kFemaleNames[] = {
    "Olivia",  "Charlotte", "Amelia", "Isla",  "Mia",    "Ava",    "Grace",  "Chloé",
    "Zoë",     "Siobhán",   "Mai",    "Priya", "Aroha",  "Fatima", "Hannah", "Ruby",
    "Matilda", "Sophie",    "Emily",  "Ngọc",  "Harper", "Evie",   "Willow", "Ana",
};

inline const char *const kMaleNames[] = {
    "Jack",   "Oliver", "William", "Noah",   "Thomas",   "Lachlan", "James", "Liam",
    "Ethan",  "Lucas",  "José",    "Łukasz", "Mohammed", "Arjun",   "Minh",  "Hamish",
    "Cooper", "Kai",    "Henry",   "Darcy",  "Finn",     "Rafael",  "Tane",  "Wei",
};

// No "Smith" here: the Smiths are placed at fixed ids so searches have known answers.
inline const char *const kSurnames[] = {
    "Williams",     "Brown",     "Jones",    "Taylor",      "Wilson",   "Johnson",  "White",
    "Martin",       "Anderson",  "Thompson", "Nguyen",      "Nguyễn",   "Walker",   "Harris",
    "Ryan",         "Kelly",     "Murphy",   "O'Brien",     "O'Connor", "D'Souza",  "Campbell",
    "Stewart",      "MacDonald", "Robinson", "Ólafsdóttir", "Müller",   "Chen",     "Wang",
    "Kim",          "Tran",      "Le",       "Patel",       "Singh",    "Kowalski", "Papadopoulos",
    "van der Berg", "King",      "Wright",   "Mitchell",    "Young",    "Hughes",   "Edwards",
    "Green",        "Scott",     "Baker",    "Lee",         "Clarke",   "Nakamura", "Te Whare",
};

inline const char *const kMiddleNames[] = {"Anne", "Marie", "Louise", "James", "John", "Lee",
                                           "Rose", "Jane",  "Thi",    "Văn",   "Kaur", "Michael"};

inline const char *const kNotes[] = {
    "Prefers morning appointments.",
    "Needs interpreter (Vietnamese).\nBook double appointment.",
    "Goes by \"Bob\" – ask before using full name.",
    "Wheelchair access required.\tRamp at rear entrance.",
    "Reminder: annual skin check due 🙂",
    "Carer: daughter (\"Kate\") – consent on file.\r\nCall after 3 pm.",
    "Do not send SMS reminders; email only.",
    "Line one\nLine two\nLine three",
    "Backslash in path C:\\Scans\\2024\\ref.pdf kept on purpose.",
    "Says it's \"fine\" to leave voicemail.",
};

inline const char *const kReasons[] = {
    "Repeat prescription",
    "Follow-up: blood results",
    "Skin check",
    "Childhood immunisation",
    "Flu vaccine",
    "Care plan review",
    "Back pain",
    "Pre-employment medical",
    "Telehealth – mental health",
    "Wound dressing",
    "Sore throat & cough",
    "Driver's licence medical",
};

inline const char *const kDentalReasons[] = {
    "Check-up & clean",   "Filling",    "Root canal – stage 2", "Crown fit", "Emergency: toothache",
    "Orthodontic review", "Extraction", "Child's first visit",
};

inline const char *const kSubstances[] = {
    "Penicillin",         "Amoxicillin", "Sulfonamides", "Peanut",
    "Shellfish",          "Latex",       "Codeine",      "Aspirin",
    "Ibuprofen",          "Bee venom",   "Egg",          "Cow's milk protein",
    "Tree nuts",          "Cephalexin",  "Morphine",     "Sesame",
    "Iodinated contrast",
};

inline const char *const kReactions[] = {
    "Hives",
    "Anaphylaxis",
    "Rash",
    "Nausea",
    "Swelling of lips\nand tongue",
    "Wheeze",
    "Itchy \"burning\" eyes",
    "Vomiting",
};

} // namespace Sandbox::detail
