// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirResources.h"

#include <QJsonArray>
#include <QStringList>
#include <QVariant>

namespace Sandbox::Fhir {

namespace {

const QString V2IdentifierTypes = QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0203");

QString field(const QSqlRecord &row, const char *name)
{
    const QVariant value = row.value(QLatin1String(name));
    return value.isNull() ? QString() : value.toString().trimmed();
}

QString idOf(const QSqlRecord &row)
{
    return QString::number(row.value(QStringLiteral("id")).toLongLong());
}

void insertText(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QJsonArray stringArray(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values) {
        if (!value.isEmpty())
            array.append(value);
    }
    return array;
}

QJsonObject coding(const QString &system, const QString &code, const QString &display = {})
{
    QJsonObject object{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    insertText(object, QStringLiteral("display"), display);
    return object;
}

QJsonObject codeableConcept(const QJsonObject &codingObject, const QString &text = {})
{
    QJsonObject object{{QStringLiteral("coding"), QJsonArray{codingObject}}};
    insertText(object, QStringLiteral("text"), text);
    return object;
}

QJsonObject meta(const char *profile)
{
    return {{QStringLiteral("profile"), QJsonArray{QString::fromLatin1(profile)}}};
}

QJsonObject identifier(const char *system, const QString &typeCode, const QString &typeDisplay,
                       const QString &typeText, const QString &value)
{
    return {{QStringLiteral("type"),
             codeableConcept(coding(V2IdentifierTypes, typeCode, typeDisplay), typeText)},
            {QStringLiteral("system"), QString::fromLatin1(system)},
            {QStringLiteral("value"), value}};
}

QJsonObject reference(const QString &target, const QString &display = {})
{
    QJsonObject object{{QStringLiteral("reference"), target}};
    insertText(object, QStringLiteral("display"), display);
    return object;
}

QJsonObject humanName(const QString &use, const QString &family, const QStringList &given,
                      const QString &prefix)
{
    QJsonObject name{{QStringLiteral("use"), use}};
    const QStringList parts = QStringList{prefix, given.join(QLatin1Char(' ')), family};
    QStringList nonEmptyParts;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            nonEmptyParts.append(part.trimmed());
    }
    insertText(name, QStringLiteral("text"), nonEmptyParts.join(QLatin1Char(' ')));
    insertText(name, QStringLiteral("family"), family);
    const QJsonArray givenArray = stringArray(given);
    if (!givenArray.isEmpty())
        name.insert(QStringLiteral("given"), givenArray);
    if (!prefix.isEmpty())
        name.insert(QStringLiteral("prefix"), QJsonArray{prefix});
    return name;
}

QJsonObject telecom(const QString &system, const QString &value, const QString &use)
{
    QJsonObject contactPoint{{QStringLiteral("system"), system}, {QStringLiteral("value"), value}};
    insertText(contactPoint, QStringLiteral("use"), use);
    return contactPoint;
}

// An AU address; empty when the row has no address parts at all.
QJsonObject address(const QString &use, const QStringList &lines, const QString &city,
                    const QString &state, const QString &postcode)
{
    const QJsonArray lineArray = stringArray(lines);
    if (lineArray.isEmpty() && city.isEmpty() && state.isEmpty() && postcode.isEmpty())
        return {};
    QJsonObject object{{QStringLiteral("use"), use}};
    if (!lineArray.isEmpty())
        object.insert(QStringLiteral("line"), lineArray);
    insertText(object, QStringLiteral("city"), city);
    insertText(object, QStringLiteral("state"), state);
    insertText(object, QStringLiteral("postalCode"), postcode);
    object.insert(QStringLiteral("country"), QStringLiteral("AU"));
    return object;
}

// METeOR 291036 codes. The database may hold the code or its wording; accept both.
QJsonObject indigenousStatusExtension(const QString &raw)
{
    static const QStringList displays{
        QStringLiteral("Aboriginal but not Torres Strait Islander origin"),
        QStringLiteral("Torres Strait Islander but not Aboriginal origin"),
        QStringLiteral("Both Aboriginal and Torres Strait Islander origin"),
        QStringLiteral("Neither Aboriginal nor Torres Strait Islander origin"),
    };
    const QString lower = raw.toLower();
    QString code = QStringLiteral("9");
    if (raw.size() == 1 && QStringLiteral("12349").contains(raw))
        code = raw;
    else if (lower.contains(QLatin1String("neither")) || lower.startsWith(QLatin1String("non")))
        code = QStringLiteral("4");
    else if (lower.contains(QLatin1String("both")))
        code = QStringLiteral("3");
    else if (lower.contains(QLatin1String("torres")))
        code = QStringLiteral("2");
    else if (lower.contains(QLatin1String("aborig")))
        code = QStringLiteral("1");
    const int index = code.toInt() - 1;
    const QString display = index >= 0 && index < displays.size()
                                ? displays.at(index)
                                : QStringLiteral("Not stated/inadequately described");
    return {{QStringLiteral("url"),
             QStringLiteral("http://hl7.org.au/fhir/StructureDefinition/indigenous-status")},
            {QStringLiteral("valueCoding"),
             coding(QStringLiteral("https://healthterminologies.gov.au/fhir/CodeSystem/"
                                   "australian-indigenous-status-1"),
                    code, display)}};
}

QJsonArray patientIdentifiers(const QSqlRecord &row)
{
    QJsonArray identifiers;
    identifiers.append(identifier(MrnSystem, QStringLiteral("MR"),
                                  QStringLiteral("Medical record number"),
                                  QStringLiteral("Patient ID"), idOf(row)));
    const QString medicare = field(row, "medicare_no");
    if (!medicare.isEmpty()) {
        // AU Base allows 10 digits, or 11 with the IRN appended; send 11 when the IRN is known.
        const QString irn = field(row, "medicare_irn");
        identifiers.append(identifier(MedicareSystem, QStringLiteral("MC"),
                                      QStringLiteral("Patient's Medicare Number"),
                                      QStringLiteral("Medicare Number"), medicare + irn));
    }
    const QString ihi = field(row, "ihi");
    if (!ihi.isEmpty()) {
        identifiers.append(identifier(IhiSystem, QStringLiteral("NI"),
                                      QStringLiteral("National unique individual identifier"),
                                      QStringLiteral("IHI"), ihi));
    }
    const QString dva = field(row, "dva_no");
    if (!dva.isEmpty())
        identifiers.append(
            identifier(DvaSystem, QStringLiteral("DVAU"), {}, QStringLiteral("DVA Number"), dva));
    return identifiers;
}

QJsonArray patientNames(const QSqlRecord &row)
{
    const QString family = field(row, "surname");
    QJsonArray names{humanName(QStringLiteral("official"), family,
                               {field(row, "first_name"), field(row, "middle_name")},
                               field(row, "title"))};
    const QString preferred = field(row, "preferred_name");
    if (!preferred.isEmpty())
        names.append(humanName(QStringLiteral("usual"), family, {preferred}, {}));
    return names;
}

QJsonObject patientNarrative(const QJsonObject &patientObject)
{
    const QJsonObject name =
        patientObject.value(QStringLiteral("name")).toArray().first().toObject();
    const QString line = QStringLiteral("%1 (%2, born %3)")
                             .arg(name.value(QStringLiteral("text")).toString(),
                                  patientObject.value(QStringLiteral("gender")).toString(),
                                  patientObject.value(QStringLiteral("birthDate")).toString());
    const QString div =
        QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>%1</b></p>"
                       "<p>Synthetic sandbox patient; not a real person.</p></div>")
            .arg(line.toHtmlEscaped());
    return {{QStringLiteral("status"), QStringLiteral("generated")}, {QStringLiteral("div"), div}};
}

// The less common shapes a client should cope with: a former name, a nested extension, a
// complex-valued extension, a contained resource referenced locally, a contact and narrative.
void addRichPatientExtras(QJsonObject &patientObject, const QSqlRecord &row)
{
    QJsonArray names = patientObject.value(QStringLiteral("name")).toArray();
    const bool female = field(row, "sex") == QLatin1String("F");
    QJsonObject former = humanName(female ? QStringLiteral("maiden") : QStringLiteral("old"),
                                   QStringLiteral("Ashcombe"), {field(row, "first_name")}, {});
    former.insert(QStringLiteral("period"),
                  QJsonObject{{QStringLiteral("end"), QStringLiteral("2009-06-30")}});
    names.append(former);
    patientObject.insert(QStringLiteral("name"), names);

    QJsonArray extensions = patientObject.value(QStringLiteral("extension")).toArray();
    extensions.append(
        QJsonObject{{QStringLiteral("url"),
                     QStringLiteral("http://hl7.org/fhir/StructureDefinition/patient-birthPlace")},
                    {QStringLiteral("valueAddress"),
                     QJsonObject{{QStringLiteral("city"), QStringLiteral("Ballarat")},
                                 {QStringLiteral("state"), QStringLiteral("VIC")},
                                 {QStringLiteral("country"), QStringLiteral("AU")}}}});
    QJsonArray nationalityParts{
        QJsonObject{{QStringLiteral("url"), QStringLiteral("code")},
                    {QStringLiteral("valueCodeableConcept"),
                     codeableConcept(coding(QStringLiteral("urn:iso:std:iso:3166"),
                                            QStringLiteral("AU"), QStringLiteral("Australia")))}}};
    const QString birthDate = field(row, "date_of_birth");
    if (!birthDate.isEmpty()) {
        nationalityParts.append(QJsonObject{
            {QStringLiteral("url"), QStringLiteral("period")},
            {QStringLiteral("valuePeriod"), QJsonObject{{QStringLiteral("start"), birthDate}}}});
    }
    extensions.append(
        QJsonObject{{QStringLiteral("url"),
                     QStringLiteral("http://hl7.org/fhir/StructureDefinition/patient-nationality")},
                    {QStringLiteral("extension"), nationalityParts}});
    patientObject.insert(QStringLiteral("extension"), extensions);

    // A shared-care GP outside the practice: known only through this patient, hence contained.
    const QString containedId = QStringLiteral("shared-care-gp");
    QJsonObject sharedCareGp{
        {QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
        {QStringLiteral("id"), containedId},
        {QStringLiteral("name"),
         QJsonArray{humanName(QStringLiteral("official"), QStringLiteral("Okafor"),
                              {QStringLiteral("Adaeze")}, QStringLiteral("Dr"))}},
        {QStringLiteral("telecom"),
         QJsonArray{telecom(QStringLiteral("phone"), QStringLiteral("03 5550 4821"),
                            QStringLiteral("work"))}}};
    patientObject.insert(QStringLiteral("contained"), QJsonArray{sharedCareGp});
    QJsonArray practitioners = patientObject.value(QStringLiteral("generalPractitioner")).toArray();
    practitioners.append(
        reference(QLatin1Char('#') + containedId, QStringLiteral("Dr Adaeze Okafor")));
    patientObject.insert(QStringLiteral("generalPractitioner"), practitioners);

    const QJsonObject nextOfKin{
        {QStringLiteral("relationship"),
         QJsonArray{
             codeableConcept(coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0131"),
                                    QStringLiteral("N"), QStringLiteral("Next-of-Kin")))}},
        {QStringLiteral("name"),
         humanName(QStringLiteral("usual"), field(row, "surname"), {QStringLiteral("Jordan")}, {})},
        {QStringLiteral("telecom"),
         QJsonArray{telecom(QStringLiteral("phone"), QStringLiteral("0491 570 156"),
                            QStringLiteral("mobile"))}}};
    patientObject.insert(QStringLiteral("contact"), QJsonArray{nextOfKin});

    patientObject.insert(
        QStringLiteral("communication"),
        QJsonArray{QJsonObject{
            {QStringLiteral("language"),
             codeableConcept(coding(QStringLiteral("urn:ietf:bcp:47"), QStringLiteral("en-AU"),
                                    QStringLiteral("English (Australia)")))},
            {QStringLiteral("preferred"), true}}});
    patientObject.insert(QStringLiteral("text"), patientNarrative(patientObject));
}

} // namespace

QString genderFromSex(const QString &sex)
{
    const QString lower = sex.trimmed().toLower();
    if (lower == QLatin1String("m") || lower == QLatin1String("male"))
        return QStringLiteral("male");
    if (lower == QLatin1String("f") || lower == QLatin1String("female"))
        return QStringLiteral("female");
    if (lower == QLatin1String("x") || lower == QLatin1String("other"))
        return QStringLiteral("other");
    return QStringLiteral("unknown");
}

QJsonObject patient(const QSqlRecord &row)
{
    QJsonObject object{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), idOf(row)},
        {QStringLiteral("meta"), meta(PatientProfile)},
        {QStringLiteral("identifier"), patientIdentifiers(row)},
        {QStringLiteral("active"), row.value(QStringLiteral("is_active")).toInt() != 0},
        {QStringLiteral("name"), patientNames(row)},
        {QStringLiteral("gender"), genderFromSex(field(row, "sex"))}};
    const QString indigenous = field(row, "indigenous_status");
    if (!indigenous.isEmpty())
        object.insert(QStringLiteral("extension"),
                      QJsonArray{indigenousStatusExtension(indigenous)});

    QJsonArray telecoms;
    const QString mobile = field(row, "phone_mobile");
    if (!mobile.isEmpty())
        telecoms.append(telecom(QStringLiteral("phone"), mobile, QStringLiteral("mobile")));
    const QString email = field(row, "email");
    if (!email.isEmpty())
        telecoms.append(telecom(QStringLiteral("email"), email, QStringLiteral("home")));
    if (!telecoms.isEmpty())
        object.insert(QStringLiteral("telecom"), telecoms);

    insertText(object, QStringLiteral("birthDate"), field(row, "date_of_birth"));
    const QJsonObject home =
        address(QStringLiteral("home"), {field(row, "address_line1"), field(row, "address_line2")},
                field(row, "suburb"), field(row, "state"), field(row, "postcode"));
    if (!home.isEmpty())
        object.insert(QStringLiteral("address"), QJsonArray{home});

    const QVariant usualPractitioner = row.value(QStringLiteral("usual_practitioner_id"));
    if (!usualPractitioner.isNull()) {
        object.insert(QStringLiteral("generalPractitioner"),
                      QJsonArray{reference(
                          QStringLiteral("Practitioner/%1").arg(usualPractitioner.toLongLong()))});
    }
    if (row.value(QStringLiteral("id")).toLongLong() == RichPatientId)
        addRichPatientExtras(object, row);
    return object;
}

QJsonObject practitioner(const QSqlRecord &row)
{
    QJsonObject object{
        {QStringLiteral("resourceType"), QStringLiteral("Practitioner")},
        {QStringLiteral("id"), idOf(row)},
        {QStringLiteral("meta"), meta(PractitionerProfile)},
        {QStringLiteral("active"), row.value(QStringLiteral("is_active")).toInt() != 0},
        {QStringLiteral("name"),
         QJsonArray{humanName(QStringLiteral("official"), field(row, "surname"),
                              {field(row, "first_name")}, field(row, "title"))}},
        {QStringLiteral("gender"), genderFromSex(field(row, "gender"))}};
    const QString providerNo = field(row, "provider_no");
    if (!providerNo.isEmpty()) {
        object.insert(
            QStringLiteral("identifier"),
            QJsonArray{identifier(
                ProviderNumberSystem, QStringLiteral("UPIN"),
                QStringLiteral("Medicare/CMS (formerly HCFA)'s Universal Physician Identification "
                               "numbers"),
                QStringLiteral("Medicare Provider Number"), providerNo)});
    }
    const QString email = field(row, "email");
    if (!email.isEmpty()) {
        object.insert(QStringLiteral("telecom"),
                      QJsonArray{telecom(QStringLiteral("email"), email, QStringLiteral("work"))});
    }
    const QString specialty = field(row, "specialty");
    if (!specialty.isEmpty()) {
        object.insert(QStringLiteral("qualification"),
                      QJsonArray{QJsonObject{{QStringLiteral("code"),
                                              QJsonObject{{QStringLiteral("text"), specialty}}}}});
    }
    return object;
}

QJsonObject organization(const QSqlRecord &row)
{
    QJsonObject object{{QStringLiteral("resourceType"), QStringLiteral("Organization")},
                       {QStringLiteral("id"), idOf(row)},
                       {QStringLiteral("meta"), meta(OrganizationProfile)},
                       {QStringLiteral("active"), true}};
    insertText(object, QStringLiteral("name"), field(row, "name"));
    const QString abn = field(row, "abn").remove(QLatin1Char(' '));
    if (!abn.isEmpty()) {
        object.insert(QStringLiteral("identifier"),
                      QJsonArray{identifier(AbnSystem, QStringLiteral("XX"),
                                            QStringLiteral("Organization identifier"),
                                            QStringLiteral("ABN"), abn)});
    }
    QJsonArray telecoms;
    const QString phone = field(row, "phone");
    if (!phone.isEmpty())
        telecoms.append(telecom(QStringLiteral("phone"), phone, QStringLiteral("work")));
    const QString email = field(row, "email");
    if (!email.isEmpty())
        telecoms.append(telecom(QStringLiteral("email"), email, QStringLiteral("work")));
    if (!telecoms.isEmpty())
        object.insert(QStringLiteral("telecom"), telecoms);
    const QJsonObject work =
        address(QStringLiteral("work"), {field(row, "address_line1")}, field(row, "suburb"),
                field(row, "state"), field(row, "postcode"));
    if (!work.isEmpty())
        object.insert(QStringLiteral("address"), QJsonArray{work});
    return object;
}

QJsonObject allergyIntolerance(const QSqlRecord &row)
{
    QJsonObject object{
        {QStringLiteral("resourceType"), QStringLiteral("AllergyIntolerance")},
        {QStringLiteral("id"), idOf(row)},
        {QStringLiteral("meta"), meta(AllergyProfile)},
        {QStringLiteral("clinicalStatus"),
         codeableConcept(coding(
             QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"),
             QStringLiteral("active"), QStringLiteral("Active")))},
        {QStringLiteral("verificationStatus"),
         codeableConcept(
             coding(QStringLiteral(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"),
                    QStringLiteral("confirmed"), QStringLiteral("Confirmed")))},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), field(row, "substance")}}},
        {QStringLiteral("patient"),
         reference(QStringLiteral("Patient/%1")
                       .arg(row.value(QStringLiteral("patient_id")).toLongLong()))}};
    insertText(object, QStringLiteral("criticality"), field(row, "criticality"));
    insertText(object, QStringLiteral("recordedDate"), field(row, "recorded_date"));
    const QString reaction = field(row, "reaction");
    if (!reaction.isEmpty()) {
        // Reaction.manifestation is mandatory, so severity alone cannot be sent.
        QJsonObject reactionObject{{QStringLiteral("manifestation"),
                                    QJsonArray{QJsonObject{{QStringLiteral("text"), reaction}}}}};
        insertText(reactionObject, QStringLiteral("severity"), field(row, "severity"));
        object.insert(QStringLiteral("reaction"), QJsonArray{reactionObject});
    }
    return object;
}

} // namespace Sandbox::Fhir
