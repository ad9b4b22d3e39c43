def test_home_answers_in_dutch_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert b'lang="nl"' in response.content
